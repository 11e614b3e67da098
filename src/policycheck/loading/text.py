"""Reading bytes from disk into text, refusing what is too big or not text."""

from __future__ import annotations

from pathlib import Path

from policycheck.errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or an InputError if it is missing, a folder or over the size limit."""
    check_size(path, max_bytes)
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError.at(str(path), f"cannot be read: {error.strerror or error}") from None


def check_size(path: Path, max_bytes: int) -> None:
    """InputError if the file is missing, a folder, unreadable or over the size limit."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError.at(str(path), "no such file") from None
    except OSError as error:
        raise InputError.at(str(path), f"cannot be read: {error.strerror or error}") from None
    if path.is_dir():
        raise InputError.at(str(path), "is a folder, expected a file")
    if size > max_bytes:
        raise InputError.at(str(path), f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes")


def decode_utf8(data: bytes, file: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with a BOM; name the first bad byte otherwise."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError.at(file, "starts with a UTF-16 byte order mark but is not valid UTF-16") from None
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = position_of_offset(data, error.start)
        raise InputError.at(
            file,
            f"byte 0x{data[error.start]:02x} is not UTF-8; save the file as UTF-8 "
            "(it may have been saved as Windows-1252/ANSI)",
            line,
            column,
        ) from None


def looks_like_utf16(data: bytes | str) -> bool:
    """Text with a NUL in every other place is UTF-16 (or UTF-32) that lost its byte order mark."""
    nul = b"\x00" if isinstance(data, bytes) else "\x00"
    return bool(data) and data.count(nul) * 3 > len(data)


def position_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column
