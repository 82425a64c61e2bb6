//! What can be wrong with a book (an EPUB), a leaf beside `msg`: the loader names the
//! problem, each catalog says it in its language.

/// Why a book cannot be opened, or what was left out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookProblem {
    /// The file is not a zip, or a broken one: the zip reader's reason.
    NotZip(String),
    /// An entry could not be read (bad compression, a CRC mismatch): the entry, the reason.
    BadEntry {
        /// The entry's name in the zip.
        name: String,
        /// The zip reader's reason.
        why: String,
    },
    /// An entry the book needs is not in the zip (`META-INF/container.xml`, the package).
    Missing(String),
    /// `container.xml` names no package document.
    NoPackage,
    /// An XML file of the book (container, package, NCX) is not well-formed.
    BadXml {
        /// The entry's name in the zip.
        name: String,
        /// 1-based line of the problem.
        line: u32,
        /// 1-based column of the problem.
        col: u32,
        /// The XML parser's reason.
        why: String,
    },
    /// `META-INF/encryption.xml` encrypts content documents (or the zip is encrypted).
    Drm,
    /// An entry inflates beyond 50 times its compressed size: its name.
    Bomb(String),
    /// The entries read inflate beyond 500 MB in all.
    TooMuch,
    /// The spine lists no content document that is in the zip.
    NoChapters,
    /// The zip's central directory is too large (millions of entries, or ZIP64).
    TooManyEntries,
    /// The chapters hold no text (only images without alt text, or nothing).
    NoText,
    /// A spine item is not in the zip: its path (the book opens without it).
    SkippedMissing(String),
}
