"""Intake: files and rows in, validated records out.

:mod:`.readers` turns a file (CSV in any usual encoding, XLSX, JSON, JSON Lines) into
numbered rows, never letting a library's exception out; :mod:`.cells` reads one cell
(blanks, text, numbers with a decimal comma, lists of ticked options, languages, dates) for
every reader; :mod:`.validate` turns rows into people, notes and topics, every problem at
once with file, row and column. :mod:`.forms` reads a sign-up form export whose columns are
not the project's: a proposed mapping, confirmed, then applied.
"""
