"""Company names as one spelling per company, so that "Acme" and "acme " count as one employer."""
from __future__ import annotations

import numpy as np
import pandas as pd


def company_names(apps: pd.DataFrame) -> pd.Series:
    """Each application's company, trimmed, with spellings that differ only in case merged
    to the first one seen ("Acme", "acme " -> "Acme"); "" stays "" (no company)."""
    names = apps["company"].astype(str).str.strip()
    # Distinct spellings come in order of appearance and are case-folded once each; the first
    # spelling of a company to appear is the one used for all of them.
    codes, spellings = pd.factorize(names)
    companies, _ = pd.factorize(pd.Series(spellings, dtype=object).str.casefold())
    first_spelling = np.unique(companies, return_index=True)[1]
    chosen = np.append(first_spelling[companies], -1)[codes]
    return pd.Series(pd.array(spellings, dtype=str).take(chosen, allow_fill=True), index=apps.index, name=names.name)
