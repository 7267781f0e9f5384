"""Errors and their coded messages.

Every message starts with a code (``[E001]``) so that tests and users can
match on it; the text says what was expected and, for data, which file and
line were at fault.
"""

from __future__ import annotations

__all__ = ["DocumentError", "Errors", "HznerError", "ModelError", "RuleError", "TextError"]


class Errors:
    """The message templates, one attribute per code."""

    E001 = "[E001] {func} expected a str, got {type}."
    E002 = "[E002] {func} expected a str, got bytes: decode it first, e.g. data.decode('utf-8')."
    E010 = "[E010] {source}:{line}: not valid JSON: {detail}"
    E011 = "[E011] {source}:{line}: a rule must be a JSON object, got {type}."
    E012 = "[E012] {source}:{line}: unknown rule type {type!r}; expected one of: {known}."
    E013 = "[E013] {source}:{line}: rule type {type!r} needs field {field!r} ({expected})."
    E014 = (
        "[E014] {source}:{line}: field {field!r} of a {type!r} rule must be {expected}, "
        "got {value!r}."
    )
    E015 = (
        "[E015] {source}:{line}: field {field!r} of a {type!r} rule must be one of {allowed}, "
        "got {value!r}."
    )
    E016 = "[E016] {source}:{line}: unknown field {field!r} in a {type!r} rule; known: {known}."
    E017 = "[E017] rules must be a path, a mapping or an iterable of them, got {type}."
    E018 = "[E018] {source}: no such rule file."
    E020 = "[E020] alias {alias!r} names zone {zone!r}, which no zone rule defines."
    E030 = "[E030] unknown segmenter {name!r}; expected 'char' or 'pkuseg'."
    E031 = "[E031] {what} expected an iterable of str, got {type} at index {index}."
    E032 = "[E032] document {index} failed: {error}"
    E033 = (
        "[E033] n_process must be a positive number of processes or -1 (all cores), got {value!r}."
    )
    E034 = "[E034] batch_size must be a positive int, got {value!r}."
    E040 = "[E040] {path}: sha256 {got}, expected {expected}: not the pkuseg wheel hzner knows."
    E041 = "[E041] could not download pkuseg=={version} with pip: {detail}"
    E042 = "[E042] {path}: no usable pkuseg model in the wheel: {detail}"
    E043 = (
        "[E043] the word segmentation model is not in {path} and could not be fetched ({detail}). "
    )
    E100 = "[E100] {where} expected yuan to be a str (an ISO 4217 code) or None, got {type}."
    E101 = (
        "[E101] {where}: yuan={value!r} is not the ISO 4217 code of a yuan currency; "
        "expected one of {allowed}."
    )
    E102 = (
        "[E102] spaCy cannot tokenize a text with a lone surrogate ({char}) at offset {offset}: "
        "its string store needs valid Unicode. Repair the text (e.g. decode the bytes with "
        "errors='replace'), or use hzner.extract, which accepts such text."
    )
    E103 = "[E103] {where} expected overwrite_ents to be a bool, got {type}."
    E120 = (
        "[E120] {func} expected an iterable of str, got a {type}: pass one text in a list, "
        "e.g. [text], or use extract(text)."
    )
    E121 = "[E121] {output} is also an input: refusing to overwrite it (choose another -o)."
    E122 = (
        "[E122] {output} lies inside the input folder {folder}, which would read its own output: "
        "choose an -o outside it."
    )
    E123 = "[E123] {folder}: no .txt, .jsonl or .ndjson file in this folder."
    E124 = "[E124] {where}: not {encodings} text (byte {byte} at offset {offset}); try --encoding."
    E125 = "[E125] {where}: {detail}"
    E126 = "[E126] {where}: cannot be written as UTF-8 ({detail}); --format jsonl escapes it."
    E127 = "[E127] {count} document(s) skipped (listed above); the others were written."
    E128 = (
        "[E128] stopped at the error above: {output} was not written; the {count} document(s) "
        "before it are in {partial}."
    )
    E129 = "[E129] stopped at the error above: {output} was not written."
    E160 = (
        "[E160] {source}:{line}: field {field!r} of a {type!r} rule is empty once normalized "
        "(whitespace only?), got {value!r}."
    )
    E161 = (
        "[E161] {source}:{line}: field {field!r} of a {type!r} rule has {length} characters; "
        "at most {limit} are allowed."
    )
    E162 = "[E162] {source}:{line}: the JSON is nested too deeply to read."

    E140 = '[E140] {source}:{line}: an everyday-forms line needs a "type", one of: {known}.'
    E141 = "[E141] {source}:{line}: a {type!r} line needs field {field!r}, not empty."
    E142 = "[E142] {source}:{line}: role {role!r} is not one of: {known}."


class HznerError(Exception):
    """Base class of the errors hzner raises on purpose."""


class RuleError(HznerError, ValueError):
    """A rule file or rule record is not valid; the message names where."""


class TextError(HznerError, ValueError):
    """A text the spaCy pipeline cannot take (a lone surrogate); the message says where."""


class ModelError(HznerError, RuntimeError):
    """The pkuseg model could not be downloaded, checked or converted."""


class DocumentError(HznerError):
    """The extraction of one document of a batch failed; ``index`` says which (from 0).

    The original exception is the ``__cause__`` (from a worker process: its
    traceback, as text).
    """

    def __init__(self, index: int, error: str) -> None:
        super().__init__(Errors.E032.format(index=index, error=error))
        self.index = index
