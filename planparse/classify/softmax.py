"""Multinomial logistic regression with a fixed offset (training only; needs scipy).

scikit-learn's LogisticRegression cannot start from a prior: here each row may
carry an offset added to its class scores (the keyword decision), so the
weights learn what the keywords get wrong instead of relearning what they get
right.
"""

from __future__ import annotations

import numpy as np


def fit_softmax(X, y: np.ndarray, k: int, C: float, sample_weight: np.ndarray | None = None,
                offset: np.ndarray | None = None, max_iter: int = 500) -> tuple[np.ndarray, np.ndarray]:
    """Weights ``(n_features, k)`` and intercepts ``(k,)`` minimizing
    ``sum_i w_i * crossentropy(softmax(X_i W + b + offset_i), y_i) + ||W||^2 / (2C)``.

    ``X`` is a scipy sparse matrix or array, ``y`` class indices in ``range(k)``.
    """
    from scipy.optimize import minimize

    n, d = X.shape
    w = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    off = np.zeros((n, k)) if offset is None else np.asarray(offset, dtype=float)
    Y = np.zeros((n, k))
    Y[np.arange(n), y] = 1.0
    Xt = X.T.tocsr() if hasattr(X, "tocsr") else X.T
    alpha = 1.0 / C

    def unpack(theta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return theta[: d * k].reshape(d, k), theta[d * k:]

    cache: dict[str, np.ndarray] = {}

    def loss_grad(theta: np.ndarray) -> tuple[float, np.ndarray]:
        W, b = unpack(theta)
        Z = X @ W + b + off
        Z -= Z.max(axis=1, keepdims=True)
        logp = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
        P = np.exp(logp)
        cache["theta"], cache["P"] = theta, P
        loss = -(w * (Y * logp).sum(axis=1)).sum() + 0.5 * alpha * float((W * W).sum())
        G = (P - Y) * w[:, None]
        gW = np.asarray(Xt @ G) + alpha * W
        return float(loss), np.concatenate([gW.ravel(), G.sum(axis=0)])

    def hessp(theta: np.ndarray, v: np.ndarray) -> np.ndarray:
        if cache.get("theta") is not theta:
            loss_grad(theta)
        P = cache["P"]
        V, vb = unpack(v)
        U = X @ V + vb  # directional change of the scores
        R = P * (U - (P * U).sum(axis=1, keepdims=True)) * w[:, None]
        return np.concatenate([(np.asarray(Xt @ R) + alpha * V).ravel(), R.sum(axis=0)])

    res = minimize(loss_grad, np.zeros(d * k + k), jac=True, hessp=hessp, method="Newton-CG",
                   options={"maxiter": max_iter, "xtol": 1e-6})
    return unpack(res.x)
