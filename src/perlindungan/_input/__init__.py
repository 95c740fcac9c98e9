"""The input layer: every value from outside becomes one of the library's types here.

Every entry point (the JSON requests of the CLI and of :func:`quote_from_request`, the
program and regulation files, roster and payroll tables, batch columns, and the
constructors of the Python API) turns outside values into the library's types through
these small modules, so a value means the same thing, is bounded the same way and is
refused with the same message wherever it comes from:

* :mod:`~perlindungan._input.limits`: every bound, in one place (documented in
  ``docs/limits.md``);
* :mod:`~perlindungan._input.numbers`: exact, finite, bounded numbers;
* :mod:`~perlindungan._input.text`: identifiers, keys and display text; cells made safe
  for spreadsheets;
* :mod:`~perlindungan._input.flags`: one yes/no vocabulary for table cells, strict
  booleans in the Python API;
* :mod:`~perlindungan._input.files`: regular files and stdin, bounded while read, UTF-8;
* :mod:`~perlindungan._input.jsondoc`: strict JSON (duplicate keys, depth, numbers);
* :mod:`~perlindungan._input.table`: CSV, JSON lines and xlsx tables with file lines;
* :mod:`~perlindungan._input.table_header`: a table's header line (separator, columns);
* :mod:`~perlindungan._input.xlsx`: workbooks in and out (the ``xlsx`` extra);
* :mod:`~perlindungan._input.outputs`: output files that never overwrite an input.

Why hand-written converters and not cattrs: cattrs structures a whole object and
reports problems as nested ``ExceptionGroup`` trees whose text is its own ("invalid value
for type, expected int"); the library's contract is one line naming the field in the
JSON contract's own words (``worker.wage must be a positive amount of rupiah such as
5000000, got '-1'``), the same line for the same value in a roster row or a batch cell,
and bounds that are checked before a value is converted (cattrs converts ``int("9" *
5000)`` first). Rewriting every cattrs message and hook would leave a dependency doing
little; these converters are small functions the attrs classes use directly as
``converter=``, so the Python constructors, the JSON contract and the tables share them
with no extra layer on the hot path.
"""
