//! A file by its path, in the format it is: an EPUB (by its `.epub` name, or by its
//! content: a zip whose `mimetype` says `application/epub+zip`) through
//! [`super::format::epub`], anything else decoded as text ([`super::load`]) in the format
//! its name and start say. The one way the reader, the script commands and the stores open
//! a file ([`open`], or [`read`] and [`document`] to watch the text grow), and, whatever
//! the text came from (a file, standard input, the beginning or the end of a text still
//! being read), the one way decoded text becomes a document ([`text_document`]).

use std::io::{BufReader, Read, Seek};
use std::path::{Path, PathBuf};

use super::format::{self, epub};
use super::load::{self, Decoded, LoadError};
use super::model::{BlockKind, Document};
use super::sniff;
use crate::i18n::{self, Msg};

/// What a document keeps of where its text came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The display name: a file's name, or standard input's.
    pub name: String,
    /// The file's canonical path (part of its identity); `None` for standard input.
    pub path: Option<PathBuf>,
    /// Whether the text was read from standard input.
    pub from_stdin: bool,
}

impl Origin {
    /// The file at `path`: its name, and its canonical path when it has one.
    pub fn file(path: &Path) -> Self {
        Origin { name: file_name(path), path: std::fs::canonicalize(path).ok(), from_stdin: false }
    }

    /// Standard input.
    pub fn stdin() -> Self {
        Origin { name: i18n::text(Msg::StdinName), path: None, from_stdin: true }
    }

    /// Where the text of `doc` came from.
    pub fn of(doc: &Document) -> Self {
        Origin { name: doc.name.clone(), path: doc.path.clone(), from_stdin: doc.from_stdin }
    }
}

/// Which part of a text a decoded string is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The text from its start: the whole text, or the beginning shown while the rest is
    /// read (built as the whole is built there).
    Start,
    /// The text from a line start to its end, shown while the rest is read
    /// ([`super::tail`]): in the format the name says (a web page is never read in parts),
    /// and a title or subtitle told at its first lines is not the text's (those are told
    /// from the text's start), so they are plain paragraphs there.
    End,
}

/// A document of decoded text: in the format the name and the start say
/// ([`Document::new`]), with the name, path and standard-input flag of `origin`. A web page
/// can be all markup: nothing to read is an error (its reason), as a blank file is.
pub fn text_document(decoded: Decoded, origin: &Origin, part: Part) -> Result<Document, String> {
    let name = origin.name.clone();
    let mut doc = match part {
        Part::Start => Document::new(name, decoded),
        Part::End => {
            let mut doc = format::build(format::for_name(&name), name, decoded);
            for block in &mut doc.blocks {
                if matches!(block.kind, BlockKind::Title | BlockKind::Subtitle) {
                    block.kind = BlockKind::Body;
                }
            }
            let blocks = &doc.blocks;
            doc.headings.retain(|h| matches!(blocks[h.block].kind, BlockKind::Heading { .. }));
            doc
        }
    };
    if doc.blocks.is_empty() {
        return Err(i18n::text(Msg::NoTextInPage));
    }
    doc.path = origin.path.clone();
    doc.from_stdin = origin.from_stdin;
    Ok(doc)
}

/// The display name of a path: its file name.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// What a file holds, read by [`read`].
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Contents {
    /// An EPUB book, built.
    Book(Document),
    /// Text, decoded.
    Text(Decoded),
}

/// How many bytes of a file's start tell a book from a text ([`epub::sniff`]).
const KIND_BYTES: u64 = 128;

/// Opens the regular file at `path` once and reads it as what it is: a book (by its
/// `.epub` name, else by its first bytes) whole, else text decoded from its start
/// ([`load::read_opened`]: `encoding` forces an encoding, `watch` sees the text grow).
pub fn read(path: &Path, encoding: Option<&str>, watch: load::Watch<'_>) -> Result<Contents, LoadError> {
    let (file, len) = load::open_regular(path)?;
    read_opened(path, file, len, encoding, watch)
}

/// [`read`] of `file`, the regular file at `path` of `len` bytes, opened.
fn read_opened(
    path: &Path,
    file: std::fs::File,
    len: u64,
    encoding: Option<&str>,
    watch: load::Watch<'_>,
) -> Result<Contents, LoadError> {
    if !is_book(path, &file) {
        return load::read_opened(path, &file, len, encoding, watch).map(Contents::Text);
    }
    let mut file = file;
    let content = |reason: String| LoadError::Content { path: path.to_path_buf(), reason };
    file.rewind().map_err(|e| LoadError::Io { path: path.to_path_buf(), reason: e.to_string() })?;
    let doc =
        epub::open(&file_name(path), BufReader::new(file)).map_err(|p| content(i18n::text(Msg::Book(&p))))?;
    Ok(Contents::Book(doc))
}

/// Whether the file at `path`, opened as `file`, is a book: by its `.epub` name, else by
/// its first bytes (a zip whose `mimetype` says so).
fn is_book(path: &Path, mut file: &std::fs::File) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    if ext.as_deref() == Some("epub") {
        return true;
    }
    let mut head = Vec::with_capacity(KIND_BYTES as usize);
    // A file that cannot be read here fails again, with its reason, when it is read.
    let _ = file.rewind().and_then(|()| file.take(KIND_BYTES).read_to_end(&mut head));
    epub::sniff(&head)
}

/// The document of what [`read`] found in the file at `path`: a book as it is, text through
/// [`text_document`]; with the path of `origin`. Errors name `path`.
pub fn document(contents: Contents, path: &Path, origin: &Origin) -> Result<Document, LoadError> {
    match contents {
        Contents::Book(mut doc) => {
            doc.path = origin.path.clone();
            Ok(doc)
        }
        Contents::Text(decoded) => text_document(decoded, origin, Part::Start)
            .map_err(|reason| LoadError::Content { path: path.to_path_buf(), reason }),
    }
}

/// Opens the file at `path` as a document, with its canonical path set (part of its
/// identity). `encoding` forces a text file's encoding; a book's chapters say their own.
pub fn open(path: &Path, encoding: Option<&str>) -> Result<Document, LoadError> {
    let contents = read(path, encoding, &mut |_, _, _| {})?;
    document(contents, path, &Origin::file(path))
}

/// The fingerprint ([`super::fingerprint`]) of the text the file at `path` opens as
/// ([`open`], its encoding detected); `None` when it does not open. A text file longer than
/// the bytes that decide its encoding is fingerprinted from those bytes alone
/// ([`load::read_start`]): a plain-text or Markdown document's text is its decoded text,
/// and they hold far more than its first [`super::FINGERPRINT_BYTES`]. A book, a web page
/// (whose text is what its markup holds), a text that may start with markup and a shorter
/// file are opened whole. The answer is the one opening the whole file gives, but for a
/// file refused (or decoded otherwise) only for what follows its first megabyte (see
/// [`load::read_start`]), which is fingerprinted as its start reads.
pub fn fingerprint_file(path: &Path) -> Option<String> {
    let (file, len) = load::open_regular(path).ok()?;
    let name = file_name(path);
    if !sniff::is_html_name(&name) && !is_book(path, &file) {
        let start = load::read_start(&file).ok()?;
        // What `looks_like_html` could take for a page starts with `<` (a tag, a comment);
        // Markdown is never one.
        let markup =
            |t: &str| t.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').starts_with('<');
        if let Some(start) = start.filter(|t| sniff::is_markdown_name(&name) || !markup(t)) {
            return Some(super::fingerprint(&start));
        }
    }
    let contents = read_opened(path, file, len, None, &mut |_, _, _| {}).ok()?;
    document(contents, path, &Origin::default()).ok().map(|doc| super::fingerprint(&doc.text))
}
