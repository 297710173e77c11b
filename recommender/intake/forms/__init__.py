"""Sign-up forms (Google Forms, Microsoft Forms, any spreadsheet) read as people.

:mod:`.headers` scores what each header says, :mod:`.answers` corrects that with what the
answers look like, :mod:`.values` suggests values for answers (years for a seniority
category, a role, a capacity), :mod:`.propose` proposes a :class:`~.mapping.ColumnMapping`
with a confidence and a reason per column, :mod:`.mapping` is that mapping and its JSON
file, and :mod:`.apply` applies a confirmed mapping with a report of everything it did.
"""
