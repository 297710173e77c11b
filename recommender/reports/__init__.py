"""Reports: what leaves the tool as files, from records only.

:mod:`.export` writes tables as CSV, XLSX or JSON, safe to open in a spreadsheet;
:mod:`.report` renders a self-contained HTML report; :mod:`.charts` draws its charts
(matplotlib, no screen needed).
"""
