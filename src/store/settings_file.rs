//! The settings panel's save: options written into the user's `config.toml` with
//! `toml_edit`, so that every comment, blank line and the order of what is there stay as
//! the user wrote them; only the values given change (each keeping the comment after it),
//! and an option the file lacks is added to its table (the table added at the end when
//! missing). A missing file is created with a header comment.
//!
//! The write goes through `toml_file::change_text` ([`super::toml_file`]), the path every file the reader
//! writes takes: under a lock, re-read, written to a temporary file that replaces the old
//! one (a crash leaves one or the other), a symlink written through to its target, the
//! file's mode kept. A file that is not a regular file (a FIFO, a device, a directory), is
//! not UTF-8, is not TOML, or holds a non-table where a table of options belongs is refused
//! and left as it is.

use std::path::Path;

use toml_edit::{DocumentMut, Item};

use super::toml_file::{self, FileError, Names};

/// The first lines of a config file the panel creates.
const HEADER: &str = "\
# yuedu configuration (saved from the settings panel; edit freely).
# It holds only what differs from the defaults; `yuedu config --default` prints them all,
# each documented.
";

const NAMES: Names = Names { temp_prefix: ".config.toml.", temp_suffix: ".tmp" };

/// One option to write: its table, its name and its value.
pub type Entry = (&'static str, &'static str, toml::Value);

/// Writes `entries` into the config file at `path` (created when missing).
pub fn save(path: &Path, entries: &[Entry]) -> Result<(), FileError> {
    toml_file::change_text(path, &NAMES, |target, old| {
        let text = if old.is_empty() { HEADER } else { old };
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut doc: DocumentMut = body.parse().map_err(|e: toml_edit::TomlError| {
            let at = e.span().map_or((1, 1), |s| toml_file::line_col(body, s.start));
            toml_file::parse_error(target, at, e.message().trim().to_string())
        })?;
        // A file of comments only keeps them on top (toml_edit holds them as the text after
        // the last table, where the options added would otherwise go before them).
        let mut header = String::new();
        if doc.as_table().is_empty() {
            header = doc.trailing().as_str().unwrap_or_default().to_string();
            doc.set_trailing("");
            if !header.is_empty() && !header.ends_with("\n\n") {
                header.push('\n');
            }
        }
        for (table, key, value) in entries {
            set(&mut doc, table, key, value).map_err(|msg| toml_file::parse_error(target, (1, 1), msg))?;
        }
        Ok(Some(format!("{header}{doc}")))
    })?;
    Ok(())
}

/// Sets `table.key = value` in `doc`, keeping the old value's surrounding comments.
fn set(doc: &mut DocumentMut, table: &str, key: &str, value: &toml::Value) -> Result<(), String> {
    let new = match value {
        toml::Value::Integer(n) => toml_edit::Value::from(*n),
        toml::Value::Boolean(b) => toml_edit::Value::from(*b),
        toml::Value::String(s) => toml_edit::Value::from(s.as_str()),
        other => toml_edit::Value::from(other.to_string()),
    };
    let slot = doc.entry(table).or_insert_with(toml_edit::table);
    let Some(options) = slot.as_table_like_mut() else {
        return Err(format!("[{table}] is not a table"));
    };
    match options.get_mut(key) {
        Some(Item::Value(old)) => {
            let decor = old.decor().clone();
            *old = new;
            *old.decor_mut() = decor;
        }
        _ => {
            options.insert(key, Item::Value(new));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(old: &str, entries: &[Entry]) -> String {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        if !old.is_empty() {
            std::fs::write(&path, old).expect("write");
        }
        save(&path, entries).expect("save");
        std::fs::read_to_string(&path).expect("read")
    }

    #[test]
    fn a_value_changes_in_place_and_comments_stay() {
        let old = "# mine\n[layout]\n# how wide\nmax_text_width = 80 # columns\nmouse = false\n\n[keys]\nquit = [\"q\"]\n";
        let new = saved(old, &[("layout", "max_text_width", toml::Value::Integer(64))]);
        assert_eq!(new, old.replace("80", "64"));
    }

    #[test]
    fn a_missing_option_and_table_are_added_and_a_missing_file_gets_a_header() {
        let new = saved("", &[("text", "paragraph_spacing", toml::Value::Integer(2))]);
        assert_eq!(new, format!("{HEADER}\n[text]\nparagraph_spacing = 2\n"));
        let new = saved("# only a comment\n", &[("layout", "mouse", toml::Value::Boolean(false))]);
        assert_eq!(new, "# only a comment\n\n[layout]\nmouse = false\n");
        let new =
            saved("[text]\nstrict = true\n", &[("interface", "theme", toml::Value::String("light".into()))]);
        assert_eq!(new, "[text]\nstrict = true\n\n[interface]\ntheme = \"light\"\n");
    }

    #[test]
    fn a_broken_file_or_a_table_that_is_not_one_is_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        for old in ["[layout\nmax_text_width = 80\n", "layout = 3\n"] {
            std::fs::write(&path, old).expect("write");
            let e = save(&path, &[("layout", "max_text_width", toml::Value::Integer(60))]);
            assert!(matches!(e, Err(FileError::Parse(_))), "{old}");
            assert_eq!(std::fs::read_to_string(&path).expect("read"), old);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_a_regular_file_is_refused_and_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("config.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
        assert!(made.success());
        let entry = [("layout", "max_text_width", toml::Value::Integer(60))];
        // Refused at once (the FIFO is opened without blocking), and still a FIFO.
        assert!(matches!(save(&fifo, &entry), Err(FileError::Io(_))));
        assert!(std::os::unix::fs::FileTypeExt::is_fifo(
            &std::fs::metadata(&fifo).expect("meta").file_type()
        ));
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).expect("mkdir");
        assert!(matches!(save(&sub, &entry), Err(FileError::Io(_))));
        assert!(sub.is_dir());
    }
}
