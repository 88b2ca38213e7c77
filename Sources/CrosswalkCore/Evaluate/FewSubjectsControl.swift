/// A ``ControlReach/inventory`` control that reads every identity but judges only a handful of
/// subjects, however large the inventory (the platforms the identities live on), so it records a
/// handful of results.
///
/// Such a control's results are few enough to be held whole until their turn to merge: the
/// evaluate stage judges it ahead, on a thread of its own, while the controls before it are judged
/// (``EvaluationSession/finish(runner:)``), instead of on one core after them.
protocol FewSubjectsControl: Control {}
