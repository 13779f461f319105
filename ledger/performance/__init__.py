"""Performance targets (绩效目标) and the year-end self-evaluation (项目支出绩效自评).

    targets     the `grant-target`, `grant-actual` and `grant-scoring` directives, parsed
    measures    how an indicator's actual value is obtained (`measure:`), one function each
    scoring     completion, score and grade, as the self-evaluation form does them
    evaluation  a fiscal year's indicators scored from the books, or their progress so far

The load's `GrantLedger` parses the directives once (`GrantLedger.targets`, their errors among
its `config` errors) and evaluates each year once, on first use (`GrantLedger.performance`).
"""
