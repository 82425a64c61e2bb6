//! The book's zip, read with limits: an entry is inflated in pieces and refused as soon as
//! it grows past [`MAX_RATIO`] times its compressed size, or the book as a whole past
//! [`MAX_INFLATED`] bytes, whatever sizes the zip declares (a zip bomb declares small ones).

use std::io::{Read, Seek};

use crate::i18n::BookProblem as Problem;

/// Most an entry may inflate, as a multiple of its compressed size.
pub const MAX_RATIO: u64 = 50;
/// Most all the entries read from one book may inflate to, in bytes.
pub const MAX_INFLATED: u64 = 500 << 20;

/// Size of the pieces an entry is inflated in.
const PIECE: usize = 64 << 10;

/// An open book: its zip and what has been inflated from it so far.
pub struct Archive<R: Read + Seek> {
    zip: zip::ZipArchive<R>,
    inflated: u64,
    /// Most all entries may inflate to: [`MAX_INFLATED`].
    budget: u64,
}

impl<R: Read + Seek> Archive<R> {
    /// Opens the zip; a file that is not one (or a broken one) is [`Problem::NotZip`], and
    /// one whose central directory is over [`MAX_DIRECTORY`] bytes (millions of entries,
    /// which the zip reader would hold in memory) is [`Problem::TooManyEntries`].
    pub fn new(mut reader: R) -> Result<Self, Problem> {
        if directory_size(&mut reader).is_some_and(|n| n > MAX_DIRECTORY) {
            return Err(Problem::TooManyEntries);
        }
        let zip = zip::ZipArchive::new(reader).map_err(|e| Problem::NotZip(e.to_string()))?;
        Ok(Archive { zip, inflated: 0, budget: MAX_INFLATED })
    }

    /// Whether the zip has an entry named `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The bytes of entry `name`, or `None` when there is no such entry.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, Problem> {
        let Some(index) = self.zip.index_for_name(name) else { return Ok(None) };
        let mut file = match self.zip.by_index(index) {
            Ok(f) => f,
            Err(zip::result::ZipError::UnsupportedArchive(why)) if why.contains("assword") => {
                return Err(Problem::Drm);
            }
            Err(e) => return Err(Problem::BadEntry { name: name.to_string(), why: e.to_string() }),
        };
        if file.encrypted() {
            return Err(Problem::Drm);
        }
        let limit = file.compressed_size().max(1).saturating_mul(MAX_RATIO);
        let bomb = || Problem::Bomb(name.to_string());
        if file.size() > limit {
            return Err(bomb());
        }
        let mut out = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0).min(PIECE * 16));
        loop {
            let before = out.len();
            let got = (&mut file)
                .take(PIECE as u64)
                .read_to_end(&mut out)
                .map_err(|e| Problem::BadEntry { name: name.to_string(), why: e.to_string() })?;
            if out.len() as u64 > limit {
                return Err(bomb());
            }
            self.inflated += got as u64;
            if self.inflated > self.budget {
                return Err(Problem::TooMuch);
            }
            if out.len() == before {
                return Ok(Some(out));
            }
        }
    }
}

/// Largest central directory read: a book of ten thousand files has about a megabyte.
pub const MAX_DIRECTORY: u64 = 16 << 20;

/// The central directory's size as the end-of-central-directory record gives it (the
/// ZIP64 marker counts as too large: no book needs 65,535 entries or 4 GB), or `None` when
/// there is no such record (the zip reader then says what is wrong).
fn directory_size<R: Read + Seek>(reader: &mut R) -> Option<u64> {
    use std::io::SeekFrom;
    let len = reader.seek(SeekFrom::End(0)).ok()?;
    // The record is 22 bytes and a comment of up to 65,535 follows it.
    let from = len.saturating_sub(22 + 65_535);
    reader.seek(SeekFrom::Start(from)).ok()?;
    let mut tail = Vec::new();
    reader.by_ref().take(len - from).read_to_end(&mut tail).ok()?;
    reader.seek(SeekFrom::Start(0)).ok()?;
    let at = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let rec = tail.get(at..at + 22)?;
    let entries = u16::from_le_bytes([rec[10], rec[11]]);
    let size = u32::from_le_bytes([rec[12], rec[13], rec[14], rec[15]]);
    Some(if entries == u16::MAX || size == u32::MAX { u64::MAX } else { u64::from(size) })
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn zip_of(entries: &[(&str, &[u8])]) -> std::io::Cursor<Vec<u8>> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, bytes) in entries {
            w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            w.write_all(bytes).unwrap();
        }
        std::io::Cursor::new(w.finish().unwrap().into_inner())
    }

    #[test]
    fn entries_are_read_until_the_books_budget_is_spent() {
        // Text that deflates to about half its size: no entry is a bomb.
        let text: Vec<u8> =
            (0..40_000u32).flat_map(|i| (i.wrapping_mul(2_654_435_761) % 5000).to_le_bytes()).collect();
        let mut a = Archive::new(zip_of(&[("a", &text), ("b", &text)])).unwrap();
        a.budget = text.len() as u64 * 3 / 2;
        assert_eq!(a.read("a").unwrap().map(|v| v.len()), Some(text.len()));
        assert!(a.read("missing").unwrap().is_none());
        assert_eq!(a.read("b").unwrap_err(), Problem::TooMuch);
    }

    #[test]
    fn an_entry_inflating_past_fifty_times_its_size_is_a_bomb() {
        let zeros = vec![0u8; 1 << 20];
        let mut a = Archive::new(zip_of(&[("OEBPS/zero.xhtml", &zeros)])).unwrap();
        assert_eq!(a.read("OEBPS/zero.xhtml").unwrap_err(), Problem::Bomb("OEBPS/zero.xhtml".into()));
    }
}

#[cfg(test)]
mod directory_tests {
    use super::*;

    #[test]
    fn a_central_directory_of_millions_of_entries_is_refused_before_it_is_read() {
        // An end record claiming a 100 MB directory (the entries need not be there).
        let mut bytes = b"PK\x05\x06\0\0\0\0\x10\0\x10\0".to_vec();
        bytes.extend((100u32 << 20).to_le_bytes());
        bytes.extend([0u8; 6]);
        assert!(matches!(Archive::new(std::io::Cursor::new(bytes)), Err(Problem::TooManyEntries)));
        let mut zip64 = b"PK\x05\x06\0\0\0\0\xff\xff\xff\xff".to_vec();
        zip64.extend([0u8; 10]);
        assert!(matches!(Archive::new(std::io::Cursor::new(zip64)), Err(Problem::TooManyEntries)));
    }
}
