//! Telling UTF-8 from the start of a text: counting valid and bad sequences, and the quick
//! looks that need no counting (a start valid to its end, or to a character cut by it).

use std::io::Read;

use encoding_rs::Encoding;

use super::{SNIFF_BYTES, START_PIECE_BYTES, Stop, fill};

/// How the start of a file looks when read as UTF-8.
pub(super) struct Utf8Stats {
    /// Valid multi-byte characters.
    pub(super) non_ascii: usize,
    /// Invalid sequences.
    pub(super) invalid: usize,
}

pub(super) fn utf8_stats(bytes: &[u8], complete: bool) -> Utf8Stats {
    let mut stats = Utf8Stats { non_ascii: 0, invalid: 0 };
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        stats.non_ascii += chunk.valid().bytes().filter(|&b| b >= 0xc0).count();
        let bad = chunk.invalid();
        // A character cut by the end of an incomplete read is not an error; nor, for the
        // choice of encoding, is the last character of a file cut off (a short UTF-8 file
        // truncated mid-character is UTF-8 with one U+FFFD, not windows-1252).
        let cut = chunks.peek().is_none()
            && bad.len() < 4
            && bad.first().is_some_and(|&b| (0xc2..=0xf4).contains(&b))
            && (!complete || bytes.len() > bad.len());
        if !bad.is_empty() && !cut {
            stats.invalid += 1;
        }
    }
    stats
}

/// Whether the start of a file reads as UTF-8 ([`Utf8Stats::mostly_utf8`] of its
/// [`utf8_stats`]). A start valid to its end, or to a character cut by its end, as most are,
/// is told by encoding_rs's validator, several times faster than counting: the start is
/// looked at before anything of a text can be shown.
pub(super) fn start_is_utf8(bytes: &[u8], complete: bool) -> bool {
    let valid = Encoding::utf8_valid_up_to(bytes);
    let tail = &bytes[valid..];
    // The tail is one cut character when counting finds no invalid sequence in it; counted
    // alone it cannot tell a complete file of nothing but that character (which is invalid).
    let cut = tail.len() < 4 && (valid > 0 || !complete) && utf8_stats(tail, false).invalid == 0;
    tail.is_empty() || cut || utf8_stats(bytes, complete).mostly_utf8()
}

impl Utf8Stats {
    /// UTF-8 with a few bad bytes rather than another encoding: the valid multi-byte
    /// characters far outnumber the bad sequences (text in another encoding read as
    /// UTF-8 has almost no valid multi-byte characters).
    pub(super) fn mostly_utf8(&self) -> bool {
        self.invalid == 0 || self.non_ascii >= 8 * self.invalid
    }
}

/// Whether the first [`SNIFF_BYTES`] of `input` are UTF-8 (with its byte-order mark or none)
/// with no bad byte, to their end or to a character cut by it (what
/// [`choose_encoding`](super::choose_encoding) tells as UTF-8 without counting), read piece
/// by piece into one buffer: `Some(complete)` then, `complete` when that was all of `input`;
/// `None` for any other start, which only counting or guessing can tell.
pub(super) fn utf8_start(mut input: impl Read) -> Result<Option<bool>, Stop> {
    // A character cut by a piece's end is carried to the start of the next piece.
    let mut buf = Vec::with_capacity(START_PIECE_BYTES + 4);
    let (mut read, mut bom) = (0usize, 0usize);
    loop {
        let want = START_PIECE_BYTES.min(SNIFF_BYTES - read);
        let carried = buf.len();
        let complete = fill(&mut input, &mut buf, carried + want)?;
        if read == 0 {
            // A UTF-8 mark is a whole character; another encoding's mark decides it.
            match Encoding::for_bom(&buf) {
                Some((enc, len)) if enc == encoding_rs::UTF_8 => bom = len,
                Some(_) => return Ok(None),
                None => {}
            }
        }
        read += buf.len() - carried;
        let valid = Encoding::utf8_valid_up_to(&buf);
        let tail = &buf[valid..];
        // A bad byte, or a cut character that is not the start of one.
        if tail.len() >= 4 || utf8_stats(tail, false).invalid > 0 {
            return Ok(None);
        }
        if complete || read == SNIFF_BYTES {
            // As `start_is_utf8` tells a start ending in a cut character (after the mark).
            let cut_ok = tail.is_empty() || read - bom > tail.len() || !complete;
            return Ok(cut_ok.then_some(complete));
        }
        buf.drain(..valid);
    }
}
