//! A text's end, read before the whole of it: `G` on a long file still being read shows
//! the last part of the file at once (`app::tail`), decoded from a line start with the
//! encoding the beginning was decoded with.
//!
//! Why a suffix decoded from a line start is a suffix of the whole decoded text: in an
//! ASCII-compatible encoding of encoding_rs (UTF-8, GB18030/GBK, Big5, Shift_JIS, EUC-JP,
//! EUC-KR and the single-byte ones), a byte 0x0A is the character U+000A and is never part
//! of a multi-byte character (trail bytes are 0x30 and up); a malformed sequence cut by it
//! ends before it (the decoder reads an ASCII byte again as itself); and after it the
//! decoder holds no state. So the whole text decodes to what precedes the byte, `\n`, and
//! what the bytes after it decode to alone, with the same replacement characters. A byte
//! order mark matters only at the file's start, which a suffix never holds (its bytes are
//! decoded as any others: no BOM is removed). The encodings where this does not hold are
//! refused: UTF-16 (0x0A is half of many characters) and ISO-2022-JP (its escapes hold a
//! state across lines); `G` then waits for the whole text.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use encoding_rs::Encoding;

/// How many of a file's last bytes its end is decoded from: many screens of text, read
/// and split in well under a millisecond.
pub const TAIL_BYTES: u64 = 128 << 10;

/// The end of a file, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct End {
    /// The text of the file's last bytes from a line start.
    pub text: String,
    /// How many bytes of the file it was decoded from.
    pub bytes: u64,
}

/// The encoding shown as `name` (a document's `encoding`), when a suffix of its bytes
/// from a line start decodes to a suffix of the text (see the module doc).
pub fn line_safe(name: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label_no_replacement(name.as_bytes())?;
    // encoding_rs: ASCII-compatible are all but UTF-16LE/BE, ISO-2022-JP and replacement.
    enc.is_ascii_compatible().then_some(enc)
}

/// Decodes `bytes`, the last bytes of a file, from after their first `\n` to the end, in
/// `enc`; `None` when they hold no line end, or a NUL (the whole text is refused then).
pub fn decode_end(bytes: &[u8], enc: &'static Encoding) -> Option<String> {
    let from = memchr::memchr(b'\n', bytes)? + 1;
    let bytes = &bytes[from..];
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(decoder.max_utf8_buffer_length(bytes.len())?);
    let (_, read, _) = decoder.decode_to_string(bytes, &mut text, true);
    debug_assert_eq!(read, bytes.len());
    (memchr::memchr(0, text.as_bytes()).is_none() && !text.trim().is_empty()).then_some(text)
}

/// Reads the end of the file at `path` (its last `bytes` at most: the reader reads
/// [`TAIL_BYTES`]), decoded as the beginning was (`encoding`, the name a document shows). `None` when the encoding cannot
/// be cut at a line (see [`line_safe`]), when the file is no longer `len` bytes long (it
/// changed since it was opened: the whole text will say what it is now), is too short
/// to have a part apart from its beginning, or cannot be read.
pub fn read_end(path: &Path, encoding: &str, len: u64, bytes: u64) -> Option<End> {
    let enc = line_safe(encoding)?;
    // A regular file only (a FIFO put in its place would block), of the size it had.
    let (mut file, now) = super::load::open_regular(path).ok()?;
    if now != len || len <= bytes {
        return None;
    }
    file.seek(SeekFrom::Start(len - bytes)).ok()?;
    let mut last = Vec::with_capacity(usize::try_from(bytes).ok()?);
    file.take(bytes).read_to_end(&mut last).ok()?;
    let from = memchr::memchr(b'\n', &last)? + 1;
    let text = decode_end(&last, enc)?;
    Some(End { text, bytes: (last.len() - from) as u64 })
}

/// Where byte `offset` of `end` (a suffix of a text) is in `whole`, the whole text:
/// `None` when `end` is not a suffix of it (the file changed, or another encoding was
/// found for the whole).
pub fn place_in_whole(end: &str, whole: &str, offset: usize) -> Option<usize> {
    (whole.ends_with(end) && offset <= end.len()).then(|| whole.len() - (end.len() - offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{
        BIG5, EUC_JP, EUC_KR, GB18030, GBK, ISO_2022_JP, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE,
    };
    use proptest::prelude::*;

    /// Decodes all of `bytes` as the loader does a file (a BOM removed, replacement
    /// characters for bad bytes).
    fn whole(bytes: &[u8], enc: &'static Encoding) -> String {
        let mut decoder = enc.new_decoder_with_bom_removal();
        let mut text = String::with_capacity(decoder.max_utf8_buffer_length(bytes.len()).unwrap());
        let _ = decoder.decode_to_string(bytes, &mut text, true);
        text
    }

    /// Every cut after a `\n` of `bytes` decodes to a suffix of the whole.
    fn every_cut_is_a_suffix(bytes: &[u8], enc: &'static Encoding) {
        let all = whole(bytes, enc);
        for (i, _) in bytes.iter().enumerate().filter(|(_, b)| **b == b'\n') {
            let Some(end) = decode_end(&bytes[i..], enc) else { continue };
            assert!(all.ends_with(&end), "{}: cut at {i} of {bytes:?}", enc.name());
            assert_eq!(place_in_whole(&end, &all, 0), Some(all.len() - end.len()));
        }
    }

    const SAFE: [&Encoding; 8] =
        [UTF_8, GB18030, GBK, BIG5, SHIFT_JIS, EUC_JP, EUC_KR, encoding_rs::WINDOWS_1252];

    #[test]
    fn which_encodings_can_be_cut_at_a_line() {
        for enc in SAFE {
            assert_eq!(line_safe(enc.name()), Some(enc), "{}", enc.name());
        }
        for name in ["GB18030", "UTF-8", "Big5", "windows-1251", "KOI8-R", "x-user-defined"] {
            assert!(line_safe(name).is_some(), "{name}");
        }
        for enc in [UTF_16LE, UTF_16BE, ISO_2022_JP] {
            assert_eq!(line_safe(enc.name()), None, "{}", enc.name());
        }
        // Why UTF-16 is refused: 0x0A is half of a character there (U+4E0A 上 in LE).
        let bytes: Vec<u8> = "上海".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(bytes[0], 0x0a);
        assert_eq!(UTF_16LE.decode_without_bom_handling(&bytes).0, "上海");
    }

    #[test]
    fn crlf_bom_and_bad_bytes_keep_the_suffix() {
        let mut bytes = b"\xef\xbb\xbf\xe7\xac\xac\xe4\xb8\x80\xe7\xab\xa0\r\n".to_vec();
        bytes.extend_from_slice(b"ab\xe4\xb8\n\xef\xbb\xbfcd\xff\r\n\xe4\xb8\xad\r\nend\xe4");
        every_cut_is_a_suffix(&bytes, UTF_8);
        let end = decode_end(&bytes[16..], UTF_8).unwrap();
        // A U+FEFF after a line start is a character of the text, not a byte order mark.
        assert!(end.starts_with("\u{feff}cd\u{fffd}\r\n"), "{end:?}");
        assert!(end.ends_with("end\u{fffd}"));
        let (gb, _, _) = GB18030.encode("第一章 开端\r\n“你好，”他说。\r\n𠀀字\r\n终");
        let mut gb = gb.into_owned();
        gb.extend_from_slice(b"\r\n\x81\n\x84\x31\n");
        every_cut_is_a_suffix(&gb, GB18030);
    }

    #[test]
    fn no_line_end_nul_or_nothing_to_read_gives_no_end() {
        assert_eq!(decode_end(b"abc", UTF_8), None);
        assert_eq!(decode_end(b"a\nb\0c\n", UTF_8), None);
        assert_eq!(decode_end(b"a\n \n", UTF_8), None);
        assert_eq!(decode_end(b"a\nb", UTF_8).as_deref(), Some("b"));
        assert_eq!(place_in_whole("b", "ab", 1), Some(2));
        assert_eq!(place_in_whole("c", "ab", 0), None);
    }

    #[test]
    fn the_end_of_every_corpus_text_is_a_suffix_of_its_text() {
        let mut checked = 0;
        for dir in ["tests/corpus/texts", "tests/fixtures"] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if !path.extension().is_some_and(|e| e == "txt" || e == "md") {
                    continue;
                }
                let Ok(decoded) = crate::document::load::read_file(&path, None) else { continue };
                let Some(enc) = line_safe(decoded.encoding) else { continue };
                let bytes = std::fs::read(&path).unwrap();
                for cut in [0, bytes.len() / 3, bytes.len() / 2, bytes.len().saturating_sub(300)] {
                    let Some(end) = decode_end(&bytes[cut..], enc) else { continue };
                    assert!(decoded.text.ends_with(&end), "{} cut at {cut}", path.display());
                    checked += 1;
                }
            }
        }
        assert!(checked > 40, "{checked}");
    }

    #[test]
    fn a_file_end_is_read_from_a_line_start_and_only_while_the_file_is_as_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.txt");
        let line = "第一章 很长的一行中文文字，用来填满文件。\r\n";
        let text: String = std::iter::repeat_n(line, (TAIL_BYTES as usize * 3) / line.len()).collect();
        let (gb, _, _) = GB18030.encode(&text);
        std::fs::write(&path, &gb).unwrap();
        let len = gb.len() as u64;
        let end = read_end(&path, "GB18030", len, TAIL_BYTES).unwrap();
        assert!(text.ends_with(&end.text) && end.text.starts_with("第一章"));
        assert!(end.bytes <= TAIL_BYTES && end.bytes + line.len() as u64 > TAIL_BYTES / 2);
        assert_eq!(read_end(&path, "GB18030", len + 1, TAIL_BYTES), None, "the file changed");
        assert_eq!(read_end(&path, "UTF-16LE", len, TAIL_BYTES), None);
        std::fs::write(&path, &gb[..1000]).unwrap();
        assert_eq!(read_end(&path, "GB18030", 1000, TAIL_BYTES), None, "too short to have an end apart");
    }

    fn encodings() -> impl Strategy<Value = &'static Encoding> {
        prop::sample::select(SAFE.to_vec())
    }

    proptest! {
        // Any bytes at all, with line ends among them: every cut after a `\n` decodes to a
        // suffix of the whole decoded text.
        #[test]
        fn any_bytes_cut_after_a_line_end_decode_to_a_suffix(
            enc in encodings(),
            bytes in prop::collection::vec(prop_oneof![Just(b'\n'), Just(b'\r'), any::<u8>()], 0..200),
        ) {
            every_cut_is_a_suffix(&bytes, enc);
        }

        #[test]
        fn any_text_cut_after_a_line_end_decodes_to_a_suffix(
            enc in encodings(),
            text in "([\u{4e00}-\u{4e80}a-z，。“”\u{feff}\u{20000}]{0,8}(\r\n|\n|\r)?){0,12}",
        ) {
            let (bytes, _, _) = enc.encode(&text);
            every_cut_is_a_suffix(&bytes, enc);
        }
    }
}
