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
    /// Opens the zip; a file that is not one (or a broken one) is [`Problem::NotZip`].
    pub fn new(reader: R) -> Result<Self, Problem> {
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
