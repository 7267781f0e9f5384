"""Errors and their coded messages.

Every message starts with a code (``[E001]``) so that tests and users can
match on it; the text says what was expected and, for data, which file and
line were at fault.
"""

from __future__ import annotations

__all__ = ["DocumentError", "Errors", "HznerError", "ModelError", "RuleError"]


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

    E140 = '[E140] {source}:{line}: an everyday-forms line needs a "type", one of: {known}.'
    E141 = "[E141] {source}:{line}: a {type!r} line needs field {field!r}, not empty."


class HznerError(Exception):
    """Base class of the errors hzner raises on purpose."""


class RuleError(HznerError, ValueError):
    """A rule file or rule record is not valid; the message names where."""


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
