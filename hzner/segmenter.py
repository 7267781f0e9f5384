"""Word segmentation with spacy-pkuseg: the model, its download, the user dictionary.

spacy-pkuseg ships no model. hzner takes pkuseg's general-domain model from
the ``pkuseg==0.0.25`` wheel on the package index, fetched with pip (so pip's
index, mirror and proxy settings apply), checked against a pinned sha256,
and converts it once to spacy-pkuseg's own saved form (``features.msgpack``
and ``weights.npz``): nothing is unpickled when a pipeline loads. The model
lives in hzner's data directory (`data_dir`; ``HZNER_DATA_DIR`` overrides it).

The words of the rules (zone forms, currency words, project heads) go to
pkuseg's user dictionary, so that words seldom straddle an entity boundary;
`hzner.doc_ents` splits the tokens that still do.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import os
import pickle
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Collection, Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Errors, ModelError

if TYPE_CHECKING:
    from spacy.language import Language

    from .rules import RuleSet

__all__ = ["ModelError", "data_dir", "download", "ensure_model", "model_info", "model_path"]
__all__ += ["check_wheel", "convert_wheel", "load_pkuseg", "use_pkuseg", "user_words"]

PKUSEG_VERSION = "0.0.25"
WHEEL = f"pkuseg-{PKUSEG_VERSION}-cp37-cp37m-manylinux1_x86_64.whl"
WHEEL_SHA256 = "6fc2f97d0f66cc6722cf772e65dbcde1b01d8cc53b66ac4aa7bce639de79588f"
MODEL_NAME = f"pkuseg-{PKUSEG_VERSION}-default"
_MEMBER = "pkuseg/models/default/"
_FEATURES, _WEIGHTS, _STAMP = "features.msgpack", "weights.npz", "hzner-model.json"
# pip picks exactly the wheel whose hash is pinned, whatever platform runs it.
_PIP_ARGS = (
    "download", "--no-deps", "--only-binary=:all:", "--platform", "manylinux1_x86_64",
    "--python-version", "37", "--implementation", "cp", "--abi", "cp37m",
    "--disable-pip-version-check", "--no-input", f"pkuseg=={PKUSEG_VERSION}",
)  # fmt: skip
_HELP = (
    "Run `hzner download` where the package index is reachable (or set HZNER_DATA_DIR "
    'to a directory holding the model), or use hzner.load(segmenter="char"), which '
    "needs no model and finds the same entities."
)


def data_dir() -> Path:
    """Where hzner keeps data: ``HZNER_DATA_DIR``, else the user's cache directory."""
    configured = os.environ.get("HZNER_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else Path.home() / "AppData" / "Local") / "hzner" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "hzner"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache") / "hzner"


def model_path() -> Path | None:
    """The converted model's directory, or None when it is not (completely) there."""
    path = data_dir() / MODEL_NAME
    return path if all((path / name).is_file() for name in (_FEATURES, _WEIGHTS, _STAMP)) else None


def model_info() -> dict[str, object]:
    """Where the model goes, whether it is there, and its size in bytes."""
    path = data_dir() / MODEL_NAME
    present = model_path() is not None
    size = sum(item.stat().st_size for item in path.iterdir()) if present else 0
    return {"path": str(path), "present": present, "size": size, "source": WHEEL}


def _say(message: str, progress: bool = True) -> None:
    if progress:
        print(f"hzner: {message}", file=sys.stderr, flush=True)


def download(*, progress: bool = True) -> Path:
    """Fetch, check and convert the pkuseg model unless it is there; return its directory.

    Raises
    ------
    ModelError
        [E040] if the wheel's hash is not the pinned one, [E041] if pip
        fails (no network, no pip), [E042] if the wheel holds no model.

    """
    found = model_path()
    if found is not None:
        _say(f"the pkuseg model is already in {found}", progress)
        return found
    target = data_dir() / MODEL_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".download-") as tmp:
        _say(f"downloading {WHEEL} (50 MB) from the package index with pip", progress)
        wheel = _fetch_wheel(Path(tmp), progress)
        _say("checking its sha256", progress)
        check_wheel(wheel)
        _say("converting the model to spacy-pkuseg's msgpack form (once)", progress)
        staged = Path(tmp) / MODEL_NAME
        convert_wheel(wheel, staged)
        if target.exists() and model_path() is None:
            shutil.rmtree(target)  # left incomplete by hand: the stamp is written last
        try:
            os.replace(staged, target)
        except OSError:
            if model_path() is None:  # not another process that finished first
                raise
    _say(f"the pkuseg model is in {target} ({model_info()['size']} bytes)", progress)
    return target


def ensure_model() -> Path:
    """The model's directory; never downloads (``hzner download`` is the one step that does).

    Raises
    ------
    ModelError
        [E043] at once, naming ``hzner download``, ``HZNER_DATA_DIR`` and
        ``segmenter="char"``, when the model is not on disk.

    """
    found = model_path()
    if found is not None:
        return found
    path = data_dir() / MODEL_NAME
    detail = "hzner.load never downloads: run `hzner download` once"
    raise ModelError(Errors.E043.format(path=path, detail=detail) + _HELP)


def _fetch_wheel(folder: Path, progress: bool) -> Path:
    if importlib.util.find_spec("pip") is None:
        raise ModelError(Errors.E041.format(version=PKUSEG_VERSION, detail="pip is not installed"))
    command = [sys.executable, "-m", "pip", *_PIP_ARGS, "--dest", str(folder)]
    if progress and sys.stderr.isatty():  # pip draws its progress bar on the terminal
        done = subprocess.run(command, stdout=sys.stderr.fileno(), text=True, check=False)
        output = ""
    else:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        output = (done.stdout + done.stderr).strip()
        if progress and output:
            print(output, file=sys.stderr, flush=True)
    wheels = sorted(folder.glob("pkuseg-*.whl"))
    if done.returncode != 0 or not wheels:
        detail = output.splitlines()[-1] if output else f"pip exited with {done.returncode}"
        raise ModelError(Errors.E041.format(version=PKUSEG_VERSION, detail=detail))
    return wheels[0]


def check_wheel(path: Path) -> None:
    """Raise `ModelError` [E040] and delete ``path`` unless its sha256 is the pinned one."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != WHEEL_SHA256:
        path.unlink()
        raise ModelError(
            Errors.E040.format(path=path, got=digest.hexdigest(), expected=WHEEL_SHA256)
        )


class _PlainUnpickler(pickle.Unpickler):
    """Builds only plain data (dict, list, str, int): no class, no function, no code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused to load {module}.{name}")


def convert_wheel(wheel: Path, folder: Path) -> None:
    """Write the wheel's model to ``folder`` in spacy-pkuseg's form, checked, stamp last."""
    import numpy
    import srsly

    folder.mkdir(parents=True)
    try:
        with zipfile.ZipFile(wheel) as archive:
            with archive.open(_MEMBER + "features.pkl") as handle:
                data = _PlainUnpickler(handle).load()
            with archive.open(_MEMBER + _WEIGHTS) as src, (folder / _WEIGHTS).open("wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
        keys = ("unigram", "bigram", "feature_to_idx", "tag_to_idx")
        if not isinstance(data, dict) or any(key not in data for key in keys):
            raise ValueError(f"features.pkl holds no {', '.join(keys)}")
        with numpy.load(folder / _WEIGHTS, allow_pickle=False) as weights:
            n_tag, n_feature = (int(size) for size in weights["sizes"])
            if (n_tag, n_feature) != (len(data["tag_to_idx"]), len(data["feature_to_idx"])):
                raise ValueError("weights.npz does not fit features.pkl")
        srsly.write_msgpack(folder / _FEATURES, {key: data[key] for key in keys})
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, pickle.UnpicklingError) as error:
        raise ModelError(Errors.E042.format(path=wheel, detail=error)) from error
    stamp = {"source": WHEEL, "sha256": WHEEL_SHA256, "files": [_FEATURES, _WEIGHTS]}
    (folder / _STAMP).write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")


def user_words(rules: RuleSet) -> list[str]:
    """The words pkuseg must keep whole: zone forms, currency words, project heads.

    One-character words are left out: they could only force a cut around that
    character everywhere (单元, 园区), and boundaries are enforced anyway.
    Forms with brackets are given with full-width brackets too, as printed.
    """
    from .zones.gazetteer import Gazetteer

    words = set(Gazetteer.from_rules(rules).forms())
    words.update(form.replace("(", "（").replace(")", "）") for form in list(words))
    words.update(rule["word"] for rule in rules.of("currency", "project_head"))
    return sorted(word for word in words if len(word) > 1 and not any(c.isspace() for c in word))


class _LazyStrings:
    """A list of strings of ``features.msgpack``, read only if asked for.

    pkuseg's inference never reads the bigram set, a third of the model's
    strings; it is read when a pipeline is saved (or a model trained).
    """

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = key
        self._items: set[str] | None = None

    def _get(self) -> set[str]:
        if self._items is None:
            self._items = set(_read_features(self.path, {self.key}).get(self.key, ()))
        return self._items

    def __contains__(self, item: object) -> bool:
        return item in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


def _read_features(path: Path, keys: Collection[str]) -> dict[str, Any]:
    """Read the values of ``keys`` from ``features.msgpack``, skipping the others unbuilt."""
    import gc

    from srsly import msgpack

    found: dict[str, Any] = {}
    gc.disable()  # millions of strings: the collector would only walk them (as srsly does)
    try:
        with path.open("rb") as handle:
            unpacker = msgpack.Unpacker(handle, raw=False, max_buffer_size=0, read_size=1 << 20)
            for _ in range(unpacker.read_map_header()):
                key = unpacker.unpack()
                if key in keys:
                    found[key] = unpacker.unpack()
                else:
                    unpacker.skip()
    finally:
        gc.enable()
    return found


def _weights(path: Path) -> tuple[int, int, Any]:
    """Read ``weights.npz``'s sizes, and map its weights (105 MB) rather than copy them."""
    import numpy
    from numpy.lib import format as npy

    with numpy.load(path, allow_pickle=False) as npz:
        n_tag, n_feature = (int(size) for size in npz["sizes"])
        with zipfile.ZipFile(path) as archive:
            member = archive.getinfo("w.npy")
        if member.compress_type != zipfile.ZIP_STORED:  # written by hand: copy it
            return n_tag, n_feature, npz["w"]
    with path.open("rb") as handle:
        handle.seek(member.header_offset + 26)  # the local header's name and extra lengths
        name_length, extra_length = struct.unpack("<HH", handle.read(4))
        handle.seek(name_length + extra_length, os.SEEK_CUR)
        version = npy.read_magic(handle)
        read_header = npy.read_array_header_1_0 if version == (1, 0) else npy.read_array_header_2_0
        shape, fortran, dtype = read_header(handle)
        offset = handle.tell()
    # Copy-on-write: pkuseg's code wants a writable array; the file is never written.
    weights = numpy.memmap(
        path, dtype=dtype, mode="c", offset=offset, shape=shape, order="F" if fortran else "C"
    )
    return n_tag, n_feature, weights


def load_pkuseg(path: Path) -> Any:
    """Load the model as ``spacy_pkuseg.pkuseg(path)`` does, without its unused bigram set.

    The result segments exactly like spacy-pkuseg's own loader (a test checks
    it); ``pkuseg_seg.feature_extractor.bigram`` is read on first use.
    """
    pkuseg = importlib.import_module("spacy_pkuseg")
    extractor_class = importlib.import_module("spacy_pkuseg.feature_extractor").FeatureExtractor
    model_class = importlib.import_module("spacy_pkuseg.model").Model
    data = _read_features(path / _FEATURES, {"unigram", "feature_to_idx", "tag_to_idx"})
    extractor = extractor_class.__new__(extractor_class)
    extractor.unigram = set(data["unigram"])
    extractor.bigram = _LazyStrings(path / _FEATURES, "bigram")
    extractor.feature_to_idx = data["feature_to_idx"]
    extractor.tag_to_idx = data["tag_to_idx"]
    segmenter = pkuseg.pkuseg.__new__(pkuseg.pkuseg)
    segmenter.postag = False
    segmenter.preprocesser = pkuseg.Preprocesser(None)
    # spacy-pkuseg's own merge dictionary, a pickled str: read as plain data.
    postprocesser = pkuseg.Postprocesser(None, None)
    with (resources.files("spacy_pkuseg") / "dicts" / "default.pkl").open("rb") as handle:
        merged = _PlainUnpickler(handle).load()
    postprocesser.do_process = True
    postprocesser.common_words = set()
    postprocesser.other_words = set(merged.strip().split("\n"))
    segmenter.postprocesser = postprocesser
    segmenter.feature_extractor = extractor
    model = model_class.__new__(model_class)
    model.n_tag, model.n_feature, model.w = _weights(path / _WEIGHTS)
    model.n_transition_feature = model.n_tag * (model.n_feature + model.n_tag)
    segmenter.model = model
    segmenter.idx_to_tag = {index: tag for tag, index in extractor.tag_to_idx.items()}
    segmenter.n_feature = len(extractor.feature_to_idx)
    segmenter.n_tag = len(extractor.tag_to_idx)
    return segmenter


def use_pkuseg(nlp: Language, model: Path, rules: RuleSet) -> None:
    """Give ``nlp``'s pkuseg tokenizer the model at ``model`` and the words of ``rules``."""
    from spacy.lang.zh import ChineseTokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, ChineseTokenizer) or tokenizer.segmenter != "pkuseg":
        raise TypeError(f"expected spaCy's Chinese tokenizer with pkuseg, got {tokenizer!r}")
    tokenizer.pkuseg_seg = load_pkuseg(model)
    tokenizer.pkuseg_update_user_dict(user_words(rules))
