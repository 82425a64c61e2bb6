//! The mechanism both files the reader writes share: one TOML file changed under a lock.
//!
//! A change takes an exclusive lock on a side file (`NAME.lock`), re-reads the file, applies
//! the change to what is on disk, writes the result to a temporary file in the same
//! directory, syncs it, renames it over the old one and syncs the directory. Two readers
//! saving at the same time therefore both keep theirs, and a crash leaves the old file or
//! the new one. A file that cannot be parsed is never written; the file types keep the
//! fields this version does not know in a flattened table, so they survive a rewrite.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::i18n::{self, Msg, Step};

/// The file is not valid TOML for its type (or not UTF-8); it is left alone.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}:{col}: {msg}")]
pub struct ParseError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub col: usize,
    /// What is wrong.
    pub msg: String,
}

/// Reading, locking or writing the file failed.
#[derive(Debug, thiserror::Error)]
#[error("{}: {}", path.display(), i18n::text(Msg::CannotDo { step: *what, why: &source.to_string() }))]
pub struct IoError {
    /// The file.
    pub path: PathBuf,
    /// What was being done.
    pub what: Step,
    /// The system's reason.
    pub source: std::io::Error,
}

/// Why a TOML file could not be read or changed: what a store whose errors say nothing
/// more returns as it is (the reader's remembered state, the settings panel's save); the
/// bookmarks and places stores wrap it in their own.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// See [`ParseError`]: the file is left alone.
    #[error(transparent)]
    Parse(ParseError),
    /// See [`IoError`].
    #[error(transparent)]
    Io(IoError),
}

/// How a store names its temporary files.
pub(crate) struct Names {
    /// The temporary file's name prefix.
    pub temp_prefix: &'static str,
    /// The temporary file's name suffix.
    pub temp_suffix: &'static str,
}

/// `$VAR/yuedu/FILE` when `$VAR` is set to an absolute path, else `~/FALLBACK/yuedu/FILE`.
pub(crate) fn xdg_path(var: &str, fallback: &str, file: &str) -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(var).filter(|d| !d.is_empty()) {
        let d = PathBuf::from(d);
        // The XDG spec ignores relative paths.
        if d.is_absolute() {
            return Some(d.join("yuedu").join(file));
        }
    }
    let home = directories::BaseDirs::new()?.home_dir().to_path_buf();
    Some(home.join(fallback).join("yuedu").join(file))
}

/// 1-based line and column (in characters) of byte `offset` of `text`: for the stores'
/// parse errors and the config checker's `file:line:col` alike.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

pub(crate) fn io<'a>(path: &'a Path, what: Step) -> impl FnOnce(std::io::Error) -> FileError + 'a {
    move |source| FileError::Io(IoError { path: path.to_path_buf(), what, source })
}

pub(crate) fn parse_error(path: &Path, (line, col): (usize, usize), msg: String) -> FileError {
    FileError::Parse(ParseError { path: path.to_path_buf(), line, col, msg })
}

/// Largest bookmarks or positions file read (a file that keeps growing, or `/dev/zero`,
/// must not take all memory).
pub const MAX_STORE_BYTES: u64 = 64 << 20;

/// Reads a regular file of at most `cap` bytes. The file is opened without blocking (a FIFO
/// at the path would otherwise wait for a writer forever) and refused unless it is a regular
/// file; a longer file is refused, not cut. A missing file keeps `ErrorKind::NotFound`.
pub fn read_regular(path: &Path, cap: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = opts.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        let what = if meta.is_dir() { Msg::StoreIsDirectory } else { Msg::StoreNotRegular };
        return Err(std::io::Error::other(i18n::text(what)));
    }
    if meta.len() > cap {
        return Err(std::io::Error::other(i18n::text(Msg::StoreTooLarge(cap >> 20))));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    Read::take(&mut file, cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(std::io::Error::other(i18n::text(Msg::StoreTooLarge(cap >> 20))));
    }
    Ok(bytes)
}

/// The file's text; empty when the file does not exist yet.
pub(crate) fn read_text(path: &Path) -> Result<String, FileError> {
    let bytes = match read_regular(path, MAX_STORE_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(String::new()),
        Err(e) => return Err(io(path, Step::Read)(e)),
    };
    String::from_utf8(bytes).map_err(|e| {
        let ok = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]).into_owned();
        parse_error(path, line_col(&ok, ok.len()), i18n::text(Msg::CfgNotUtf8))
    })
}

/// `text` (the contents of `path`) parsed as `T`.
pub(crate) fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, FileError> {
    toml::from_str(text).map_err(|e| {
        let at = e.span().map_or((1, 1), |s| line_col(text, s.start));
        parse_error(path, at, e.message().trim().to_string())
    })
}

/// The file's contents; the type's default when the file does not exist yet.
pub(crate) fn read<T: DeserializeOwned + Default>(path: &Path) -> Result<T, FileError> {
    let text = read_text(path)?;
    if text.is_empty() {
        return Ok(T::default());
    }
    parse(path, &text)
}

/// Applies `f` to the file's current contents under the lock and saves the result (unless
/// `f` returns false), which it returns.
pub(crate) fn change<T: Serialize + DeserializeOwned + Default>(
    path: &Path,
    names: &Names,
    f: impl FnOnce(&mut T) -> bool,
) -> Result<T, FileError> {
    let mut out = None;
    change_text(path, names, |target, _| {
        let mut data: T = read(target)?;
        let write = f(&mut data);
        let text = if write {
            Some(toml::to_string(&data).map_err(|e| io(target, Step::Encode)(std::io::Error::other(e)))?)
        } else {
            None
        };
        out = Some(data);
        Ok(text)
    })?;
    out.ok_or_else(|| io(path, Step::Encode)(std::io::Error::other("no contents")))
}

/// Applies `f` to the file's current text under the lock: `f` gets the path written (the
/// symlink's target) and the text (empty when there is no file yet) and returns the new
/// text, or `None` to leave the file as it is.
pub(crate) fn change_text(
    path: &Path,
    names: &Names,
    f: impl FnOnce(&Path, &str) -> Result<Option<String>, FileError>,
) -> Result<Option<fs::Metadata>, FileError> {
    let (lock, target, dir) = lock(path, names)?;
    let path = target.as_path();
    // Re-read under the lock: another reader may have saved since we last looked.
    let old = read_text(path)?;
    let Some(text) = f(path, &old)? else {
        return Ok(None);
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(names.temp_prefix)
        .suffix(names.temp_suffix)
        .tempfile_in(&dir)
        .map_err(io(path, Step::CreateTemporary))?;
    tmp.write_all(text.as_bytes()).map_err(io(path, Step::Write))?;
    keep_mode_and_owner(path, tmp.as_file());
    tmp.as_file().sync_all().map_err(io(path, Step::Sync))?;
    tmp.persist(path).map_err(|e| io(path, Step::Replace)(e.error))?;
    // The rename itself is durable once the directory is synced.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    // Taken under the lock: what the file is right after this write.
    let written = fs::metadata(path).ok();
    drop(lock);
    Ok(written)
}

/// Takes the file's lock (a `.lock` file beside the file `path` resolves to): the target
/// written (symlinks followed, so a link is kept and its target changed), its directory,
/// and the held lock, released when dropped. Temporary files left by a killed writer are
/// removed under it.
fn lock(path: &Path, names: &Names) -> Result<(File, PathBuf, PathBuf), FileError> {
    // A symlinked file is written through the link: its target is replaced, the link kept.
    let target = resolve_links(path);
    let path = target.as_path();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(io(path, Step::CreateDirectory))?;
    let mut lock_name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    lock_name.push(".lock");
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path.with_file_name(lock_name))
        .map_err(io(path, Step::CreateLock))?;
    fs4::FileExt::lock(&lock).map_err(io(path, Step::Lock))?;
    // Temporary files are only made under the lock: any left now are from a writer that was
    // killed (kill -9, power loss) between creating and renaming one.
    remove_stale_temps(&dir, names);
    Ok((lock, target, dir))
}

/// Appends to the file under the lock when it is still `version` (nobody saved since it
/// was read): `tail` gets the file's last two bytes (to choose a separator) and returns the
/// text to append. The file keeps its inode, mode and owner, and only the appended bytes
/// are written and synced, so adding to a file of 100,000 bookmarks costs what adding to
/// an empty one does. `None` when the file changed: the caller rewrites it whole.
pub(crate) fn append_if_unchanged(
    path: &Path,
    names: &Names,
    version: &Version,
    tail: impl FnOnce(&[u8]) -> String,
) -> Result<Option<fs::Metadata>, FileError> {
    use std::io::{Read, Seek, SeekFrom};
    let (lock, target, _dir) = lock(path, names)?;
    let path = target.as_path();
    if Version::at(path).as_ref() != Some(version) {
        return Ok(None);
    }
    let mut file = OpenOptions::new().read(true).append(true).open(path).map_err(io(path, Step::Open))?;
    let len = file.metadata().map_err(io(path, Step::Read))?.len();
    let mut last = Vec::with_capacity(2);
    file.seek(SeekFrom::Start(len.saturating_sub(2))).map_err(io(path, Step::Read))?;
    Read::by_ref(&mut file).take(2).read_to_end(&mut last).map_err(io(path, Step::Read))?;
    // One write of the whole tail: a reader never sees half a table between two writes.
    file.write_all(tail(&last).as_bytes()).map_err(io(path, Step::Write))?;
    file.sync_data().map_err(io(path, Step::Sync))?;
    let written = file.metadata().ok();
    drop(lock);
    Ok(written)
}

/// What identifies one version of a file: a save renames a new file into place (a new
/// inode), and any other change moves the length or the modification time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Version {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    ino: u64,
}

impl Version {
    /// The version of the file described by `m`.
    pub(crate) fn of(m: &fs::Metadata) -> Version {
        Version {
            len: m.len(),
            modified: m.modified().ok(),
            #[cfg(unix)]
            ino: std::os::unix::fs::MetadataExt::ino(m),
        }
    }

    /// The version of the file at `path` now, if it exists.
    pub(crate) fn at(path: &Path) -> Option<Version> {
        fs::metadata(path).ok().map(|m| Version::of(&m))
    }
}

/// `path` with its symlinks followed (up to 40, like the system), so that a save replaces
/// the file the link points to instead of the link. A dangling link resolves to where it
/// points (the file is created there).
fn resolve_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::read_link(&p) {
            Ok(next) => {
                p = match p.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                };
            }
            Err(_) => break,
        }
    }
    p
}

/// Gives the new file the old one's permissions and, where allowed, owner and group (a
/// save by root or by a member of the group must not take the file over).
fn keep_mode_and_owner(path: &Path, new: &File) {
    let Ok(old) = fs::metadata(path) else { return };
    let _ = new.set_permissions(old.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid()));
    }
}

/// Removes temporary files of this store's naming (`PREFIX` + 6 characters + `SUFFIX`) in
/// `dir`. Called under the lock, when no other writer can have one open.
fn remove_stale_temps(dir: &Path, names: &Names) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let stale = name
            .strip_prefix(names.temp_prefix)
            .and_then(|r| r.strip_suffix(names.temp_suffix))
            .is_some_and(|mid| mid.len() == 6 && mid.chars().all(|c| c.is_ascii_alphanumeric()));
        if stale && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col("ab\n中文x", 9), (2, 3));
        assert_eq!(line_col("", 0), (1, 1));
        // An offset inside a character counts up to that character.
        assert_eq!(line_col("中文", 4), (1, 2));
    }
}
