//! A file by its path, in the format it is: an EPUB (by its `.epub` name, or by its
//! content: a zip whose `mimetype` says `application/epub+zip`) through
//! [`super::format::epub`], anything else decoded as text ([`super::load`]) in the format
//! its name says. The one way the reader, the script commands and the stores open a file.

use std::io::{BufReader, Read};
use std::path::Path;

use super::format::epub;
use super::load::{self, LoadError};
use super::model::Document;
use crate::i18n::{self, Msg};

/// The kinds of file told apart before reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A text file (plain text, Markdown).
    Text,
    /// An EPUB book.
    Epub,
}

/// What kind of file `path` is: its name, else its first bytes.
pub fn kind_of(path: &Path) -> Result<Kind, LoadError> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    if ext.as_deref() == Some("epub") {
        return Ok(Kind::Epub);
    }
    let (file, _) = load::open_regular(path)?;
    let mut head = Vec::with_capacity(128);
    // A file that cannot be read here fails again, with its reason, when it is read.
    let _ = file.take(128).read_to_end(&mut head);
    Ok(if epub::sniff(&head) { Kind::Epub } else { Kind::Text })
}

/// The display name of a path: its file name.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Opens the file at `path` as a document, with its canonical path set (part of its
/// identity). `encoding` forces a text file's encoding; a book's chapters say their own.
pub fn open(path: &Path, encoding: Option<&str>) -> Result<Document, LoadError> {
    let name = file_name(path);
    let mut doc = match kind_of(path)? {
        Kind::Epub => {
            let (file, _) = load::open_regular(path)?;
            epub::open(&name, BufReader::new(file)).map_err(|p| LoadError::Content {
                path: path.to_path_buf(),
                reason: i18n::text(Msg::Book(&p)),
            })?
        }
        Kind::Text => {
            let doc = Document::new(name, load::read_file(path, encoding)?);
            // A web page can be all markup: nothing to read is an error, as a blank file is.
            if doc.blocks.is_empty() {
                let reason = i18n::text(Msg::NoTextInPage);
                return Err(LoadError::Content { path: path.to_path_buf(), reason });
            }
            doc
        }
    };
    doc.path = std::fs::canonicalize(path).ok();
    Ok(doc)
}
