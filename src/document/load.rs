//! Bytes → text: encoding detection, BOM, and clear errors for bad input.
//!
//! What is accepted: UTF-8 with or without a BOM; UTF-16LE/BE with a BOM; and, when the
//! bytes are not UTF-8, a legacy encoding guessed by chardetng (GB18030/GBK, Big5, …).
//! `--encoding NAME` forces one (a WHATWG label such as `gb18030`, `big5`, `utf-16le`).
//! A UTF-8 file with a few invalid bytes opens with U+FFFD in their place and a warning.
//!
//! Memory: every file is read and decoded in 1 MB chunks (encoding_rs validates UTF-8
//! about ten times faster than `str::from_utf8` on Chinese text), so the raw bytes and
//! the text are never both held in full.
//! Only regular files are read: a FIFO or a device could block forever or never end.

use std::fs::File;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8};

use super::sniff;
use crate::i18n::{self, Msg, Special};

/// Decoded text with the name of its encoding.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: &'static str,
    /// Problems that did not stop decoding (e.g. replaced invalid bytes).
    pub warnings: Vec<String>,
}

/// Why a file could not be opened as text. `Display` is one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: {reason}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong, in words.
        reason: String,
    },
    /// The bytes are not text the reader can show.
    #[error("{}: {reason}", path.display())]
    Content {
        /// The file.
        path: PathBuf,
        /// What is wrong with the content.
        reason: String,
    },
}

/// Largest file the reader opens; the whole text is kept in memory.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// How much of the start of a file decides its encoding.
pub const SNIFF_BYTES: usize = 1 << 20;

/// Size of the pieces the start (the [`SNIFF_BYTES`] that decided the encoding) is decoded in.
const START_PIECE_BYTES: usize = 64 << 10;

/// Size of the pieces the rest of a file is read and decoded in: small enough that the
/// loader, which gives way to the reader's keys between pieces, notices a key within a
/// fraction of a millisecond, large enough that a piece costs far more than its read.
const CHUNK_BYTES: usize = 256 << 10;

/// Why decoding stopped.
enum Stop {
    Io(std::io::Error),
    Content(String),
    /// The start looked like UTF-8 but most of the rest is not: detect again on all of it.
    NotUtf8,
}

impl Stop {
    /// The one-line reason, for a caller that cannot detect again.
    fn reason(self) -> String {
        match self {
            Stop::Io(e) => e.to_string(),
            Stop::Content(reason) => reason,
            Stop::NotUtf8 => i18n::text(Msg::CannotTellEncoding),
        }
    }
}

/// Reads and decodes a file. `encoding` forces an encoding by its WHATWG label.
pub fn read_file(path: &Path, encoding: Option<&str>) -> Result<Decoded, LoadError> {
    let (file, len) = open_regular(path)?;
    read_opened(path, &file, len, encoding, &mut |_, _, _| {})
}

/// Reads and decodes `file`, the regular file at `path` of `len` bytes opened by
/// [`open_regular`], from its start, letting `watch` see the text grow (after each 64 KB
/// piece of its first megabyte, then after each megabyte; a start not told UTF-8 from
/// pieces is seen once the whole megabyte has decided its encoding): the reader shows the
/// beginning of a long file while the rest is read. Errors name `path`.
pub fn read_opened(
    path: &Path,
    file: &File,
    len: u64,
    encoding: Option<&str>,
    watch: Watch<'_>,
) -> Result<Decoded, LoadError> {
    let io = |reason: String| LoadError::Io { path: path.to_path_buf(), reason };
    let content = |reason: String| LoadError::Content { path: path.to_path_buf(), reason };
    let forced = encoding.map(encoding_for).transpose().map_err(content)?;
    let mut file = file;
    file.rewind().map_err(|e| io(describe_io(&e)))?;
    let hint = usize::try_from(len).unwrap_or(0);
    let result = match decode_file(file, hint, forced, watch) {
        // Rare: a UTF-8-looking start and another encoding later. Read it all again (from
        // the file opened, not the path: it may have changed) and guess.
        Err(Stop::NotUtf8) => read_again(file, hint).and_then(|bytes| {
            check_size(bytes.len())?;
            let decoded = decode_legacy_slice(&bytes);
            check_text(&decoded.text)?;
            Ok(decoded)
        }),
        other => other,
    };
    let decoded = result.map_err(|stop| match stop {
        Stop::Io(e) => io(describe_io(&e)),
        Stop::Content(reason) => content(reason),
        Stop::NotUtf8 => content(i18n::text(Msg::CannotTellEncoding)),
    })?;
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    check_page_size(&name, decoded.text.as_bytes(), decoded.text.len()).map_err(content)?;
    Ok(decoded)
}

/// All of an opened file from its start, at most one byte over [`MAX_FILE_BYTES`].
fn read_again(mut file: &File, hint: usize) -> Result<Vec<u8>, Stop> {
    file.rewind().map_err(Stop::Io)?;
    let mut bytes = Vec::with_capacity(hint);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(Stop::Io)?;
    Ok(bytes)
}

/// A web page ([`sniff::is_page`] by its name and its start, `head`) of `len` bytes over
/// [`sniff::MAX_PAGE_BYTES`] is refused: it would take several times its size in memory
/// to parse.
fn check_page_size(name: &str, head: &[u8], len: usize) -> Result<(), String> {
    if len > sniff::MAX_PAGE_BYTES && sniff::is_page(name, head) {
        let mb = (len as u64).div_ceil(1 << 20);
        return Err(i18n::text(Msg::PageTooLarge { mb, max: (sniff::MAX_PAGE_BYTES >> 20) as u64 }));
    }
    Ok(())
}

/// Opens a regular file of at most [`MAX_FILE_BYTES`] for reading, with its length.
pub fn open_regular(path: &Path) -> Result<(File, u64), LoadError> {
    let io = |reason: String| LoadError::Io { path: path.to_path_buf(), reason };
    let meta = std::fs::metadata(path).map_err(|e| io(describe_io(&e)))?;
    check_file_type(&meta).map_err(io)?;
    // Opening a FIFO for reading blocks until a writer appears, so the type is checked on
    // the path before opening and again on the opened file (the path may have changed).
    let file = File::open(path).map_err(|e| io(describe_io(&e)))?;
    let meta = file.metadata().map_err(|e| io(describe_io(&e)))?;
    check_file_type(&meta).map_err(io)?;
    let len = meta.len();
    if len > MAX_FILE_BYTES {
        return Err(LoadError::Content { path: path.to_path_buf(), reason: too_large(len) });
    }
    Ok((file, len))
}

/// Decodes bytes to text; the error is a short description of what is wrong.
pub fn decode(bytes: &[u8], encoding: Option<&str>) -> Result<Decoded, String> {
    let forced = encoding.map(encoding_for).transpose()?;
    let result = match decode_reader(bytes, bytes.len(), forced, &mut |_, _, _| {}) {
        Err(Stop::NotUtf8) => {
            let decoded = decode_legacy_slice(bytes);
            check_text(&decoded.text).map(|()| decoded)
        }
        other => other,
    };
    result.map_err(Stop::reason)
}

/// Reads and decodes a stream (standard input) up to `cap` bytes, as [`read_opened`]
/// does a file. A stream longer than `cap` is cut at its last line end before it, with a
/// warning. A stream cannot be read twice, so bytes that look like UTF-8 at first and like
/// another encoding later are an error here (`--encoding` decides).
pub fn read_stream(
    mut input: impl Read,
    encoding: Option<&str>,
    cap: u64,
    watch: Watch<'_>,
) -> Result<Decoded, String> {
    let forced = encoding.map(encoding_for).transpose()?;
    let cap = cap.min(MAX_FILE_BYTES);
    let mut limited = (&mut input).take(cap);
    let result = decode_reader(&mut limited, 0, forced, watch);
    let more = limited.limit() == 0 && input.read(&mut [0u8; 1]).is_ok_and(|n| n > 0);
    let mut decoded = result.map_err(Stop::reason)?;
    if more {
        let bytes = decoded.text.as_bytes();
        if let Some(end) = memchr::memrchr2(b'\n', b'\r', bytes) {
            decoded.text.truncate(end + 1);
        }
        decoded.warnings.insert(0, i18n::text(Msg::StdinCapped { max_mb: cap >> 20 }));
    }
    Ok(decoded)
}

/// The encoding named by a WHATWG label (`gb18030`, `gbk`, `big5`, `utf-16le`, …).
pub fn encoding_for(name: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label_no_replacement(name.trim().as_bytes())
        .ok_or_else(|| i18n::text(Msg::UnknownEncoding(name)))
}

/// The name shown in the status line for an encoding.
pub fn display_name(enc: &'static Encoding) -> &'static str {
    if enc == GB18030 { "GB18030" } else { enc.name() }
}

fn check_file_type(meta: &std::fs::Metadata) -> Result<(), String> {
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(i18n::text(Msg::IsADirectory));
    }
    if ft.is_file() {
        return Ok(());
    }
    Err(i18n::text(Msg::NotRegularFile(special_kind(&ft))))
}

#[cfg(unix)]
fn special_kind(ft: &std::fs::FileType) -> Special {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        Special::Fifo
    } else if ft.is_char_device() {
        Special::CharDevice
    } else if ft.is_block_device() {
        Special::BlockDevice
    } else if ft.is_socket() {
        Special::Socket
    } else {
        Special::Other
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> Special {
    Special::Other
}

fn too_large(len: u64) -> String {
    i18n::text(Msg::TooLarge { mb: len.div_ceil(1 << 20), max: MAX_FILE_BYTES >> 20 })
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => i18n::text(Msg::NoSuchFile),
        std::io::ErrorKind::PermissionDenied => i18n::text(Msg::PermissionDenied),
        std::io::ErrorKind::IsADirectory => i18n::text(Msg::IsADirectory),
        _ => e.to_string(),
    }
}

/// Reads into `buf` until it holds `want` bytes or the input ends; returns whether it ended.
fn fill(input: &mut impl Read, buf: &mut Vec<u8>, want: usize) -> Result<bool, Stop> {
    let need = want.saturating_sub(buf.len());
    let got = input.by_ref().take(need as u64).read_to_end(buf).map_err(Stop::Io)?;
    Ok(got < need)
}

/// The encoding of bytes that are not UTF-8: the one a web page declares in its `<meta>`
/// ([`super::sniff::meta_charset`]), else chardetng's guess; GBK is read as its superset
/// GB18030. (A page that declares a legacy charset but is valid UTF-8, as a page saved by
/// a browser can be, is read as UTF-8 before this is asked.)
fn guess_legacy(bytes: &[u8], complete: bool) -> &'static Encoding {
    if sniff::looks_like_html(bytes)
        && let Some(enc) = sniff::meta_charset(bytes).filter(|&e| e != UTF_8)
    {
        return enc;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, complete);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    if enc == GBK { GB18030 } else { enc }
}

/// What a streamed decode reports after each piece: the text decoded so far, the bytes
/// read so far and the encoding's name.
pub type Watch<'a> = &'a mut dyn FnMut(&str, usize, &'static str);

/// Decodes the whole of `input`. `len_hint` is the expected size in bytes; `watch` sees the
/// text grow.
fn decode_reader(
    mut input: impl Read,
    len_hint: usize,
    forced: Option<&'static Encoding>,
    watch: Watch<'_>,
) -> Result<Decoded, Stop> {
    let mut head = Vec::with_capacity(len_hint.min(SNIFF_BYTES) + 1);
    let complete = fill(&mut input, &mut head, SNIFF_BYTES)?;
    let legacy = choose_encoding(&head, complete, forced);
    // UTF-8 is validated and copied by encoding_rs too: its validator is about ten
    // times faster than `str::from_utf8` on Chinese text.
    let decoded = decode_stream(legacy.unwrap_or(UTF_8), head, input, complete, len_hint, watch)?;
    match legacy {
        None => utf8_or_again(decoded, complete),
        Some(_) => {
            check_text(&decoded.decoded.text)?;
            Ok(decoded.decoded)
        }
    }
}

/// A text decoded as UTF-8, its start (`complete` when that was all of it) having read as
/// UTF-8: [`Stop::NotUtf8`] when most of the rest is not.
fn utf8_or_again(decoded: Streamed, complete: bool) -> Result<Decoded, Stop> {
    // A complete start was the whole file: its statistics already decided.
    if !complete && !decoded.mostly_utf8 {
        return Err(Stop::NotUtf8);
    }
    let decoded = decoded.decoded;
    check_text(&decoded.text)?;
    Ok(decoded)
}

/// [`decode_reader`] of `file` from its start. A start that is UTF-8 to its end (or to a
/// character cut by it) is told first from pieces read into one small buffer, then read
/// again and decoded: holding the first megabyte while it is looked at meant a megabyte of
/// fresh pages filled before the beginning could be shown, several times the cost of reading
/// it twice from the page cache. Any other start is told as [`decode_reader`] tells it.
fn decode_file(
    mut file: &File,
    len_hint: usize,
    forced: Option<&'static Encoding>,
    watch: Watch<'_>,
) -> Result<Decoded, Stop> {
    if forced.is_none() {
        let start = utf8_start(file)?;
        file.rewind().map_err(Stop::Io)?;
        if let Some(complete) = start {
            let streamed =
                decode_stream(UTF_8, Vec::new(), file.take(MAX_FILE_BYTES + 1), false, len_hint, watch)?;
            return utf8_or_again(streamed, complete);
        }
    }
    decode_reader(file.take(MAX_FILE_BYTES + 1), len_hint, forced, watch)
}

/// The encoding `head`, a file's first [`SNIFF_BYTES`] (`complete` when that is all of
/// it), is decoded in: `forced`, else the one its byte-order mark says, else UTF-8 (`None`)
/// when it reads as UTF-8, else the one guessed ([`guess_legacy`]).
fn choose_encoding(
    head: &[u8],
    complete: bool,
    forced: Option<&'static Encoding>,
) -> Option<&'static Encoding> {
    match (forced, Encoding::for_bom(head)) {
        (Some(enc), _) => Some(enc),
        (None, Some((enc, _))) if enc != UTF_8 => Some(enc),
        (None, _) => {
            let body = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
            if start_is_utf8(body, complete) { None } else { Some(guess_legacy(body, complete)) }
        }
    }
}

/// The start of the text of `file` (read from its start), for what needs only a text's
/// beginning: when the file is longer than the [`SNIFF_BYTES`] that decide its encoding,
/// those bytes decoded as [`read_opened`] decodes them (the same encoding, the same
/// replacement characters; a character cut by their end left out), a prefix of the text
/// reading the whole file gives unless the rest makes it refused or decoded otherwise (a
/// NUL byte there; mostly not UTF-8 after a UTF-8 start). `None` for a shorter file (all
/// of it is read then), and for a start that is blank or holds a NUL (the whole decides).
pub fn read_start(file: &File) -> std::io::Result<Option<String>> {
    let mut file = file;
    file.rewind()?;
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    let complete = match fill(&mut file, &mut head, SNIFF_BYTES) {
        Ok(complete) => complete,
        Err(Stop::Io(e)) => return Err(e),
        Err(_) => return Ok(None),
    };
    if complete {
        return Ok(None);
    }
    let enc = choose_encoding(&head, complete, None).unwrap_or(UTF_8);
    let mut sink = Sink::new(enc, head.len());
    sink.feed(&head, false);
    let text = sink.out;
    Ok(check_text(&text).is_ok().then_some(text))
}

/// Bytes that are not UTF-8 after all, in another encoding: decoded from the slice.
fn decode_legacy_slice(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let enc = guess_legacy(bytes, true);
    let mut sink = Sink::new(enc, bytes.len());
    sink.feed(bytes, true);
    sink.finish(display_name(enc))
}

/// Decodes a file in `enc` piece by piece: `head` first, then the rest of `input`.
fn decode_stream(
    enc: &'static Encoding,
    head: Vec<u8>,
    mut input: impl Read,
    complete: bool,
    len_hint: usize,
    watch: Watch<'_>,
) -> Result<Streamed, Stop> {
    let mut sink = Sink::new(enc, len_hint.max(head.len()));
    let mut total = head.len();
    // The start is decoded in pieces, each shown to `watch`: a long text's beginning can be
    // shown as soon as it is decoded, before the rest of the start is. (With no `head`, the
    // start is read in such pieces below.)
    if !head.is_empty() || complete {
        let pieces = total.div_ceil(START_PIECE_BYTES).max(1);
        for i in 0..pieces {
            let piece = &head[(i * START_PIECE_BYTES).min(total)..((i + 1) * START_PIECE_BYTES).min(total)];
            sink.feed(piece, complete && i + 1 == pieces);
            watch(&sink.out, total, display_name(enc));
        }
    }
    drop(head);
    if !complete {
        let mut buf = Vec::with_capacity(CHUNK_BYTES);
        loop {
            buf.clear();
            let piece = if total < SNIFF_BYTES { START_PIECE_BYTES } else { CHUNK_BYTES };
            let done = fill(&mut input, &mut buf, piece)?;
            total += buf.len();
            check_size(total)?;
            sink.feed(&buf, done);
            watch(&sink.out, total, display_name(enc));
            if done {
                break;
            }
        }
    }
    let mostly_utf8 = sink.mostly_utf8();
    Ok(Streamed { decoded: sink.finish(display_name(enc)), mostly_utf8 })
}

/// A streamed decode and whether, read as UTF-8, it was UTF-8 with a few bad bytes.
struct Streamed {
    decoded: Decoded,
    mostly_utf8: bool,
}

fn check_size(len: usize) -> Result<(), Stop> {
    if len as u64 > MAX_FILE_BYTES { Err(Stop::Content(too_large(len as u64))) } else { Ok(()) }
}

/// An incremental decoder that counts the invalid sequences it replaces.
struct Sink {
    decoder: encoding_rs::Decoder,
    out: String,
    /// A small output window: encoding_rs touches every page of the spare capacity on
    /// each call, so decoding straight into the big string would cost O(size) per
    /// invalid sequence.
    window: String,
    bad: usize,
    first_bad: Option<usize>,
}

impl Sink {
    fn new(enc: &'static Encoding, len_hint: usize) -> Self {
        // Legacy CJK encodings and UTF-16 take at most 3 UTF-8 bytes per 2 input bytes;
        // reserving that once avoids the doubling that would overshoot 2× the file size.
        let mut out = String::new();
        let extra = if enc == UTF_8 { 0 } else { len_hint / 2 };
        out.reserve_exact(len_hint.saturating_add(extra).saturating_add(16));
        Sink {
            decoder: enc.new_decoder_with_bom_removal(),
            out,
            window: String::with_capacity(64 * 1024),
            bad: 0,
            first_bad: None,
        }
    }

    fn feed(&mut self, mut src: &[u8], last: bool) {
        loop {
            self.window.clear();
            let (result, read) =
                self.decoder.decode_to_string_without_replacement(src, &mut self.window, last);
            src = &src[read..];
            self.out.push_str(&self.window);
            match result {
                DecoderResult::InputEmpty => return,
                DecoderResult::OutputFull => {}
                DecoderResult::Malformed(_, _) => {
                    self.first_bad.get_or_insert(self.out.len());
                    self.bad += 1;
                    self.out.push('\u{fffd}');
                }
            }
        }
    }

    /// Few bad sequences among many valid multi-byte characters (see [`Utf8Stats`]).
    fn mostly_utf8(&self) -> bool {
        if self.bad == 0 {
            return true;
        }
        // Lead bytes of multi-byte characters, less the U+FFFD put in for bad sequences.
        let leads = self.out.bytes().filter(|&b| b >= 0xc0).count().saturating_sub(self.bad);
        Utf8Stats { non_ascii: leads, invalid: self.bad }.mostly_utf8()
    }

    fn finish(self, name: &'static str) -> Decoded {
        let mut warnings = Vec::new();
        if let Some(at) = self.first_bad {
            let line = memchr::memchr_iter(b'\n', &self.out.as_bytes()[..at]).count() + 1;
            let n = self.bad;
            warnings.push(i18n::text(Msg::InvalidBytes { encoding: name, count: n, line }));
        }
        Decoded { text: self.out, encoding: name, warnings }
    }
}

/// Refuses text that is binary (NUL) or has nothing to read.
fn check_text(text: &str) -> Result<(), Stop> {
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        let line = memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() + 1;
        return Err(Stop::Content(i18n::text(Msg::NulBytes(line))));
    }
    if text.is_empty() {
        return Err(Stop::Content(i18n::text(Msg::EmptyText)));
    }
    if text.trim_matches(|c: char| c.is_whitespace() || super::model::is_layout_space(c)).is_empty() {
        return Err(Stop::Content(i18n::text(Msg::BlankText)));
    }
    Ok(())
}

mod utf8;
#[cfg(test)]
use utf8::utf8_stats;
use utf8::{Utf8Stats, start_is_utf8, utf8_start};

#[cfg(test)]
mod tests;
