"""A zip's central directory read one record at a time, for `deposit verify`: memory flat in the number of members.

    with open(package, "rb") as handle:
        directory = CentralDirectory(handle)   # the end record (zip64's too); zipfile.BadZipFile if there is none
        directory.entries                      # the member count the end record declares
        for info in directory.records():       # one zipfile.ZipInfo at a time, as zipfile.ZipFile makes them
            with directory.open(info) as stream: ...   # zipfile's own reading of it (decompression, CRC-32)

zipfile.ZipFile reads the whole central directory when it opens an archive:
a ZipInfo for every member, a list of them and a name -> ZipInfo dict (about
600 bytes of Python memory a member: 11.6 MB for the 20,021 members of a
package of 10,000 articles). Here the end-of-central-directory record and
each central file header are read with struct (os.pread on the archive's
descriptor, a block at a time), and records() makes one ZipInfo per header,
as zipfile's _RealGetContents does (the same fields, the name decoded as it
decodes it, the zip64 extra field, an archive with data before it), and
gives it; nothing of it is kept. Call records() again to read the directory
again. Opening a member is zipfile's: _Opener is a ZipFile whose constructor
reads no directory, and ZipFile.open(ZipInfo) reads the member's local header
and data as it always does.

Errors are zipfile's (BadZipFile, NotImplementedError), in zipfile's words
where zipfile refuses the same thing ("Truncated central directory", "Bad
magic number for central directory", ...). A directory that lies is refused
where zipfile would believe it (a hostile archive's way to hide members,
overlap them or send reads elsewhere):
- the records must fill the size the end record gives, none running past it;
- there must be as many as the end record declares;
- the central directory cannot start after where the end record puts it
  (zipfile shifts every member's offset back by the difference);
- a member's local header and data must lie before the central directory;
- a zip64 extra field must hold every field its header marks 0xFFFFFFFF.
The policy (which members are allowed, limits) is the caller's (extract.py).
"""

from __future__ import annotations

import os
import struct
import zipfile

_END = struct.Struct("<4s4H2LH")  # end of central directory record
_END_SIGNATURE = b"PK\x05\x06"
_LOCATOR = struct.Struct("<4sLQL")  # zip64 end of central directory locator
_LOCATOR_SIGNATURE = b"PK\x06\x07"
_END64 = struct.Struct("<4sQ2H2L4Q")  # zip64 end of central directory record
_END64_SIGNATURE = b"PK\x06\x06"
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # central file header
_CENTRAL_SIGNATURE = b"PK\x01\x02"
_LOCAL_SIZE = 30  # a local file header without its name and extra field
_EXTRA = struct.Struct("<HH")
_UTF8_NAME = 0x800
_MAX_COMMENT = 0xFFFF
_BLOCK = 1 << 16
_MAX_EXTRACT_VERSION = getattr(zipfile, "MAX_EXTRACT_VERSION", 63)


class _Opener(zipfile.ZipFile):
    """A ZipFile over an open archive that reads no central directory (ZipFile.__init__ calls
    _RealGetContents to read it whole): members are opened from the ZipInfo records() gives."""

    def _RealGetContents(self) -> None:
        pass


class CentralDirectory:
    def __init__(self, handle):
        self._handle, self._fd = handle, handle.fileno()
        self.size = os.fstat(self._fd).st_size
        self.entries, self._length, self.start, self._shift = self._end_record()
        self._opener = _Opener(handle)

    def _read(self, offset: int, length: int) -> bytes:
        return os.pread(self._fd, length, offset) if length > 0 and offset >= 0 else b""

    def _end_record(self) -> tuple[int, int, int, int]:
        """(entries, length, start of the central directory, what precedes the archive), as
        zipfile's _EndRecData and _RealGetContents find them, or BadZipFile."""
        span = min(self.size, _END.size + _MAX_COMMENT)
        tail = self._read(self.size - span, span)
        at = len(tail) - _END.size
        if not (at >= 0 and tail[at:at + 4] == _END_SIGNATURE and tail[-2:] == b"\0\0"):
            at = tail.rfind(_END_SIGNATURE)  # an archive comment follows the record
            if at < 0 or len(tail) - at < _END.size:
                raise zipfile.BadZipFile("File is not a zip file")
        location = self.size - len(tail) + at
        _, _, _, _, entries, length, offset, _ = _END.unpack_from(tail, at)
        zip64 = self._end_record64(location)
        if zip64 is not None:
            entries, length, offset = zip64
        # What precedes the archive (a self-extractor's code, say): member offsets count from after it.
        shift = location - length - offset - (_END64.size + _LOCATOR.size if zip64 is not None else 0)
        start = offset + shift
        if start < 0 or shift < 0:  # shift < 0: the directory would start after where it must end
            raise zipfile.BadZipFile("Bad offset for central directory")
        return entries, length, start, shift

    def _end_record64(self, location: int):
        """(entries, length, offset) from the zip64 end record, when the archive has one."""
        locator = self._read(location - _LOCATOR.size, _LOCATOR.size)
        if len(locator) != _LOCATOR.size:
            return None
        signature, disk, _, disks = _LOCATOR.unpack(locator)
        if signature != _LOCATOR_SIGNATURE:
            return None
        if disk != 0 or disks > 1:
            raise zipfile.BadZipFile("zipfiles that span multiple disks are not supported")
        record = self._read(location - _LOCATOR.size - _END64.size, _END64.size)
        if len(record) != _END64.size:
            return None
        signature, _, _, _, _, _, _, entries, length, offset = _END64.unpack(record)
        if signature != _END64_SIGNATURE:
            return None
        return entries, length, offset

    def records(self):
        """Each member's zipfile.ZipInfo, in the central directory's order, one at a time."""
        window = _Window(self._read, self.start, self.start + self._length)
        count = 0
        while window.left:
            header = window.take(_CENTRAL.size)
            fields = _CENTRAL.unpack(header)
            if fields[0] != _CENTRAL_SIGNATURE:
                raise zipfile.BadZipFile("Bad magic number for central directory")
            raw = window.take(fields[12])
            info = zipfile.ZipInfo(raw.decode("utf-8") if fields[5] & _UTF8_NAME else raw.decode("cp437"))
            info.extra, info.comment = window.take(fields[13]), window.take(fields[14])
            (info.create_version, info.create_system, info.extract_version, info.reserved, info.flag_bits,
             info.compress_type, time, date, info.CRC, info.compress_size, info.file_size) = fields[1:12]
            if info.extract_version > _MAX_EXTRACT_VERSION:
                raise NotImplementedError("zip file version %.1f" % (info.extract_version / 10))
            info.volume, info.internal_attr, info.external_attr = fields[15:18]
            info.header_offset = fields[18]
            info.date_time = ((date >> 9) + 1980, (date >> 5) & 0xF, date & 0x1F,
                              time >> 11, (time >> 5) & 0x3F, (time & 0x1F) * 2)
            _zip64_extra(info)
            info.header_offset += self._shift
            if info.header_offset + _LOCAL_SIZE + info.compress_size > self.start:
                raise zipfile.BadZipFile(f"the central directory places member {info.filename!r} beyond "
                                         "the start of the central directory")
            count += 1
            yield info
        if count != self.entries:
            raise zipfile.BadZipFile(f"the central directory holds {count} records; its end record declares {self.entries}")

    def open(self, info: zipfile.ZipInfo):
        """The member `info` (from records()) as zipfile reads it: a binary stream, CRC-32 checked at its end."""
        return self._opener.open(info)


def _zip64_extra(info: zipfile.ZipInfo) -> None:
    """The 64-bit sizes and offset of the zip64 extra field, for each field the header marks 0xFFFFFFFF."""
    extra, at = info.extra, 0
    while len(extra) - at >= _EXTRA.size:
        kind, length = _EXTRA.unpack_from(extra, at)
        if at + _EXTRA.size + length > len(extra):
            raise zipfile.BadZipFile("Corrupt extra field %04x (size=%d)" % (kind, length))
        if kind == 0x0001:
            data = extra[at + _EXTRA.size:at + _EXTRA.size + length]
            for attribute, label in (("file_size", "File size"), ("compress_size", "Compress size"),
                                     ("header_offset", "Header offset")):
                if getattr(info, attribute) == 0xFFFF_FFFF:
                    if len(data) < 8:
                        raise zipfile.BadZipFile(f"Corrupt zip64 extra field. {label} not found.")
                    setattr(info, attribute, struct.unpack_from("<Q", data)[0])
                    data = data[8:]
        at += _EXTRA.size + length


class _Window:
    """The bytes of [start, end) of the archive, taken in order, read a block at a time."""

    def __init__(self, read, start: int, end: int):
        self._read, self._next, self._end = read, start, end
        self._buffer, self._at = b"", 0

    @property
    def left(self) -> int:
        return len(self._buffer) - self._at + self._end - self._next

    def take(self, count: int) -> bytes:
        if count > self.left:
            raise zipfile.BadZipFile("Truncated central directory")
        if len(self._buffer) - self._at < count:
            want = min(max(count, _BLOCK), self._end - self._next + len(self._buffer) - self._at)
            block = self._read(self._next, want - (len(self._buffer) - self._at))
            if not block:
                raise zipfile.BadZipFile("Truncated central directory")
            self._buffer = self._buffer[self._at:] + block
            self._at, self._next = 0, self._next + len(block)
            if len(self._buffer) < count:
                raise zipfile.BadZipFile("Truncated central directory")
        taken = self._buffer[self._at:self._at + count]
        self._at += count
        return taken
