"""Bank statement importers for the dedicated account (专户), built on beangulp."""
