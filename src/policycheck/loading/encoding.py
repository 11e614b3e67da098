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

CHUNK = 1 << 20
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
    """(line, column, byte) of the first byte the codec rejects, or None."""
    decoder = codecs.getincrementaldecoder(codec)()
    lines, offset_of_line = 1, 0
    offset = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                try:
                    if not (codec != "cp1252" and chunk.isascii()):  # ASCII is valid UTF-8: skip decoding
                        decoder.decode(chunk)
                except UnicodeDecodeError as error:
                    return _locate(chunk, error.start, lines, offset, offset_of_line)
                nul = chunk.find(b"\x00") if codec != "utf-16" else -1
                if nul >= 0:  # valid in every 8-bit codec, but never in a text export: a binary or corrupt file
                    return _locate(chunk, nul, lines, offset, offset_of_line)
                lines += chunk.count(b"\n")
                last = chunk.rfind(b"\n")
                offset_of_line = offset + last + 1 if last >= 0 else offset_of_line
                offset += len(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return lines, offset - offset_of_line + 1, 0
    except OSError as error:
        raise InputError.at(str(path), f"cannot be read: {error.strerror or error}") from None
    return None


def _locate(chunk: bytes, start: int, lines: int, offset: int, offset_of_line: int) -> tuple[int, int, int]:
    # The incremental decoder may report a start inside bytes it buffered from the last chunk.
    start = max(start, 0)
    line = lines + chunk.count(b"\n", 0, start)
    last = chunk.rfind(b"\n", 0, start)
    line_start = offset + last + 1 if last >= 0 else offset_of_line
    return line, offset + start - line_start + 1, chunk[start] if start < len(chunk) else 0
