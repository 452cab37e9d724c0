"""Opening the files the readers read and the writers write (package-private).

A named file is opened only if it is a regular file (a pipe or a device
such as ``/dev/zero`` would hang a reader or never end); gzip is
recognised by its first bytes, whatever the file's name. Text is decoded
with the encoding asked for (UTF-8, with or without a byte order mark, by
default). Any failure to read or decode becomes a
:class:`~mappa.errors.RecordError` naming the file and the byte offset,
never showing the bytes themselves: the decoder's own error would.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import stat
import zlib
from typing import IO, TypeAlias

from mappa import _check
from mappa.errors import InvalidTypeError, InvalidValueError, RecordError

__all__ = [
    "DEFAULT_ENCODING",
    "TextSource",
    "check_encoding",
    "open_text",
    "readable_file",
]

TextSource: TypeAlias = "str | os.PathLike[str] | IO[str]"
"""A file name (``str`` or ``pathlib.Path``) or an open text stream; gzip
files are decompressed."""

DEFAULT_ENCODING = "utf-8"
_GZIP_MAGIC = b"\x1f\x8b"


def check_encoding(encoding: object) -> str:
    """*encoding* if it names a text encoding Python knows (``"utf-8"``,
    ``"cp1252"``...); its canonical name."""
    name = _check.ensure_str(encoding, "encoding")
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # unknown, or holding a NUL
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise InvalidValueError(
            "encoding must name a text encoding, such as 'utf-8' or 'cp1252'",
            rule="encoding",
        )
    return info.name


def _file_name(source: str | os.PathLike[str]) -> str:
    name = os.fspath(source)
    if not isinstance(name, str):
        raise InvalidTypeError("a file name must be text, not bytes", rule="source")
    if "\x00" in name:
        raise InvalidValueError(
            "a file name cannot contain a NUL character", rule="source"
        )
    return name


def readable_file(source: str | os.PathLike[str]) -> str:
    """The name of *source* if it is a regular file that can be read;
    otherwise a :class:`RecordError` (a pipe, a device, a folder, missing)."""
    name = _file_name(source)
    try:
        mode = os.stat(name).st_mode
    except OSError as error:
        raise RecordError(
            f"cannot read the file: {error.strerror or type(error).__name__}",
            source=name,
        ) from None
    if not stat.S_ISREG(mode):
        raise RecordError(
            "not a regular file (a pipe, device or folder): give a file or an "
            "open text stream",
            source=name,
        )
    return name


class _Counting(io.RawIOBase):
    """A binary stream that remembers how many bytes it had given out
    before its latest read (so a decoding error can name an offset)."""

    def __init__(self, raw: IO[bytes], file: IO[bytes]) -> None:
        super().__init__()
        self._raw = raw
        self._file = file  # the file under a decompressor, closed with it
        self.before = 0
        self.position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # bytes-like buffer
        data = self._raw.read(len(buffer))
        count = len(data)
        buffer[:count] = data
        self.before = self.position
        self.position += count
        return count

    def close(self) -> None:
        try:
            self._raw.close()
            self._file.close()
        finally:
            super().close()


class SafeText:
    """A text stream whose every failure is a :class:`RecordError` that
    carries no file content (read-only: ``read``, ``readline``, iteration)."""

    def __init__(
        self,
        stream: IO[str],
        name: str,
        encoding: str,
        counter: _Counting | None = None,
    ) -> None:
        self._stream = stream
        self.name = name
        self._encoding = encoding
        self._counter = counter

    def _failed(self, error: BaseException) -> RecordError:
        if isinstance(error, UnicodeError):
            where = ""
            if self._counter is not None:
                start = getattr(error, "start", 0)
                where = f" (near byte {self._counter.before + start})"
            return RecordError(
                f"not readable as {self._encoding} text{where}; give encoding= "
                "if the file uses another (spreadsheets often export cp1252)",
                source=self.name,
            )
        if isinstance(error, EOFError | zlib.error | gzip.BadGzipFile):
            where = (
                ""
                if self._counter is None
                else f" (after {self._counter.position} bytes)"
            )
            return RecordError(
                f"the compressed file is truncated or corrupt{where}",
                source=self.name,
            )
        assert isinstance(error, OSError)
        return RecordError(
            f"cannot read the file: {error.strerror or type(error).__name__}",
            source=self.name,
        )

    def read(self, size: int = -1) -> str:
        failure = None
        try:
            return self._stream.read(size)
        except (UnicodeError, EOFError, zlib.error, OSError) as error:
            failure = self._failed(error)
        raise failure  # outside the handler: no context holding the bytes

    def readline(self) -> str:
        failure = None
        try:
            return self._stream.readline()
        except (UnicodeError, EOFError, zlib.error, OSError) as error:
            failure = self._failed(error)
        raise failure

    def __iter__(self) -> SafeText:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def close(self) -> None:
        self._stream.close()


def _open_named_for_reading(name: str, encoding: str) -> SafeText:
    readable_file(name)
    decode_as = "utf-8-sig" if encoding == "utf-8" else encoding
    try:
        raw: IO[bytes] = open(name, "rb")  # noqa: SIM115 - closed by the SafeText
    except OSError as error:
        raise RecordError(
            f"cannot read the file: {error.strerror or type(error).__name__}",
            source=name,
        ) from None
    try:
        compressed = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
    except OSError as error:  # pragma: no cover - a regular file that fails to read
        raw.close()
        raise RecordError(
            f"cannot read the file: {error.strerror or type(error).__name__}",
            source=name,
        ) from None
    stream: IO[bytes] = (
        gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw  # type: ignore[assignment]  # a binary stream
    )
    counter = _Counting(stream, raw)
    text = io.TextIOWrapper(io.BufferedReader(counter), encoding=decode_as, newline="")
    return SafeText(text, name, encoding, counter)


def open_text(
    source: object,
    default: str,
    mode: str = "r",
    encoding: str = DEFAULT_ENCODING,
) -> tuple[IO[str], str, bool]:
    """(stream, name, whether we opened it) for reading (``"r"``) or writing
    (``"w"``) *source*: a file name, a path or an open text stream.

    A named file to read must be a regular file; gzip (by its first bytes)
    is decompressed; a name ending ``.gz`` is written compressed.
    """
    if isinstance(source, str | os.PathLike):
        if mode == "r":
            name = _file_name(source)
            return _open_named_for_reading(name, encoding), name, True  # type: ignore[return-value]  # a read-only text stream
        name = _file_name(source)
        try:
            if name.endswith(".gz"):
                return (
                    gzip.open(name, "wt", encoding=encoding, newline=""),
                    name,
                    True,
                )
            return open(name, "w", encoding=encoding, newline=""), name, True
        except OSError as error:
            raise RecordError(
                f"cannot write the file: {error.strerror or type(error).__name__}",
                source=name,
            ) from None
    if isinstance(source, io.TextIOBase) or (
        hasattr(source, "read" if mode == "r" else "write")
        and not isinstance(source, io.IOBase | bytes)
    ):
        name = str(getattr(source, "name", default))
        if mode == "r":
            return SafeText(source, name, encoding), name, False  # type: ignore[arg-type,return-value]  # a text stream
        return source, name, False  # type: ignore[return-value]  # a text stream
    raise InvalidTypeError(
        f"expected a file name, path or text stream, not {_check.type_name(source)}",
        rule="source",
    )
