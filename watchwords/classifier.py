"""A supervised frame classifier beside the dictionary: when does each win?

For each frame, a TF-IDF + logistic regression classifier (scikit-learn; word 1-2-grams, sublinear tf, balanced
class weights) is trained and scored by cross-validation on the hand-coded gold set, with folds **grouped by
document** (no article's sentences in both training and test; GroupKFold), and compared with the dictionary on
the same sentences. This is the comparison of van Atteveldt, van der Velden & Boukes (2021, "The validity of
sentiment analysis: comparing manual annotation, crowd-coding, dictionary approaches, and machine learning
algorithms", Communication Methods and Measures 15(2)) and Burscher, Vliegenthart & de Vreese (2015, "Using
supervised machine learning to code policy issues", The ANNALS 659(1)): a classifier learns the wording of the
coded sentences and needs many coded examples per frame; a dictionary needs none but only sees the words it lists.
The dictionary stays the default; this table shows, frame by frame, what a classifier trained on this gold set
would give.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .tables import returns

__all__ = ["compare_classifier"]


@returns("classifier_comparison")
def compare_classifier(gold_csv: str | Path, *, folds: int = 5, seed: int = 0,
                       dictionary: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """Per frame: the dictionary's precision, recall and F1 and the cross-validated classifier's, on every sentence
    of the gold set (dev and held-out together; the classifier is always scored on folds it was not trained on).

    Returns:
        Columns frame, n_items, n_positive, dictionary_precision, dictionary_recall, dictionary_f1,
        classifier_precision, classifier_recall, classifier_f1.

    Raises:
        ValueError: with fewer documents than folds.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline

    from .framing import TOPIC, frame_dictionary, frames, read_frame_gold

    gold = read_frame_gold(str(gold_csv))
    groups = gold["doc_id"].to_numpy() if "doc_id" in gold.columns else gold["item_id"].to_numpy()
    if len(set(groups)) < folds:
        raise ValueError(f"{gold_csv}: {len(set(groups))} documents, fewer than folds={folds}")
    texts = gold["text"].tolist()
    found = [frames(t, dictionary=dictionary) for t in texts]
    predicted = [set(f.loc[~f["negated"] & (f["frame"] != TOPIC), "frame"]) for f in found]
    rows = []
    for frame in sorted(frame_dictionary()["frame"].unique()):
        truth = (gold[frame] == "1").to_numpy()
        by_dictionary = np.array([frame in p for p in predicted])
        by_classifier = np.zeros(len(texts), dtype=bool)
        for train, test in GroupKFold(n_splits=folds).split(texts, truth, groups):
            if truth[train].all() or not truth[train].any():
                by_classifier[test] = truth[train][0]
                continue
            model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
                                  LogisticRegression(class_weight="balanced", max_iter=1000, random_state=seed))
            model.fit([texts[i] for i in train], truth[train])
            by_classifier[test] = model.predict([texts[i] for i in test])
        row: dict[str, object] = {"frame": frame, "n_items": len(texts), "n_positive": int(truth.sum())}
        for name, guess in (("dictionary", by_dictionary), ("classifier", by_classifier)):
            tp, pp, gp = int((truth & guess).sum()), int(guess.sum()), int(truth.sum())
            row[f"{name}_precision"] = tp / pp if pp else float("nan")
            row[f"{name}_recall"] = tp / gp if gp else float("nan")
            row[f"{name}_f1"] = 2 * tp / (pp + gp) if tp else float("nan")
        rows.append(row)
    table = pd.DataFrame(rows)
    table.attrs.update(source="watchwords.compare_classifier", folds=folds, seed=seed, gold=str(gold_csv),
                       model="TF-IDF (1-2-grams) + logistic regression, balanced, GroupKFold by document")
    return table
