"""Choosing a log file's text encoding without reading it into memory.

Exports come as UTF-8 (with or without BOM) or, from older Windows tools, Windows-1252.
A chunked pre-pass runs the C decoder over the bytes (far cheaper than parsing them):
UTF-8 when the bytes are valid UTF-8, else Windows-1252. Deciding from the first bad
byte would be wrong (a file can be pure ASCII for a million rows), so the whole file is checked.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from policycheck.errors import InputError
from policycheck.loading.text import UTF16_BOMS, looks_like_utf16

CHUNK = 1 << 16  # 64 KiB: a 1 MiB bytes object is mapped and unmapped on each read
FALLBACK = "cp1252"
CODEC_NAMES = {"utf-8": "utf-8-sig", "windows-1252": "cp1252", "cp1252": "cp1252", "latin-1": "latin-1"}


def choose_encoding(path: Path, declared: str | None) -> str:
    """The codec to read the file with; InputError at line:column when no candidate fits.

    A UTF-16 byte order mark (Excel's "Unicode text") selects UTF-16; UTF-16 without one is
    refused with that diagnosis, rather than read as Windows-1252 full of NUL characters.
    """
    head = _head(path)
    if head.startswith(UTF16_BOMS) and not declared:
        return _checked(path, "utf-16")
    if looks_like_utf16(head):
        raise InputError.at(str(path), "the file looks like UTF-16 without a byte order mark; save it as UTF-8", 1, 1)
    candidates = [CODEC_NAMES[declared]] if declared else ["utf-8-sig", FALLBACK]
    failure = None
    for codec in candidates:
        failure = _first_bad_byte(path, codec)
        if failure is None:
            return codec
    line, column, byte = failure
    if byte == 0:
        raise InputError.at(str(path), "a NUL byte (0x00): expected a text file", line, column)
    tried = " nor ".join("UTF-8" if c == "utf-8-sig" else "Windows-1252" if c == FALLBACK else c for c in candidates)
    raise InputError.at(str(path), f"byte 0x{byte:02x} is not valid {tried}; save the export as UTF-8", line, column)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(4096)
    except FileNotFoundError:
        raise InputError.at(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError.at(str(path), "is a folder, expected a file") from None
    except OSError as error:
        raise InputError.at(str(path), f"cannot be read: {error.strerror or error}") from None


def _checked(path: Path, codec: str) -> str:
    failure = _first_bad_byte(path, codec)
    if failure is not None:
        raise InputError.at(str(path), "starts with a UTF-16 byte order mark but is not valid UTF-16", *failure[:2])
    return codec


def _first_bad_byte(path: Path, codec: str) -> tuple[int, int, int] | None:
    """(line, column, byte) of the first byte the codec rejects, or None.

    The scan only decodes (and skips ASCII chunks for UTF-8): lines are counted by `_locate`,
    which reads the file again up to the bad byte, only when there is one.
    """
    decoder = codecs.getincrementaldecoder(codec)()
    offset = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                buffered = len(decoder.getstate()[0])  # bytes of a character the last chunk ended inside
                try:
                    if buffered or not (codec != "cp1252" and chunk.isascii()):  # ASCII alone is valid UTF-8
                        decoder.decode(chunk)
                except UnicodeDecodeError as error:  # `start` counts from the buffered bytes
                    return _locate(path, offset - buffered + error.start)
                nul = chunk.find(b"\x00") if codec != "utf-16" else -1
                if nul >= 0:  # valid in every 8-bit codec, but never in a text export: a binary or corrupt file
                    return _locate(path, offset + nul)
                offset += len(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:  # the file ends inside a multi-byte sequence
        return _locate(path, offset - len(decoder.getstate()[0]))
    except OSError as error:
        raise InputError.at(str(path), f"cannot be read: {error.strerror or error}") from None
    return None


def _locate(path: Path, position: int) -> tuple[int, int, int]:
    """(line, column, byte) of the byte at `position` in the file."""
    line, line_start, offset = 1, 0, 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            end = min(len(chunk), position - offset)
            line += chunk.count(b"\n", 0, end)
            last = chunk.rfind(b"\n", 0, end)
            line_start = offset + last + 1 if last >= 0 else line_start
            if position < offset + len(chunk):
                return line, position - line_start + 1, chunk[position - offset]
            offset += len(chunk)
    return line, position - line_start + 1, 0
