//! Arbitrary bytes as the bookmarks file: never a panic; a file that loads keeps every field
//! through a rewrite; a file that does not load is never changed.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();

fn dir() -> &'static std::path::Path {
    // On tmpfs when there is one: every rewrite syncs the file.
    DIR.get_or_init(|| {
        let shm = std::path::Path::new("/dev/shm");
        let t = if shm.is_dir() { tempfile::tempdir_in(shm) } else { tempfile::tempdir() };
        t.expect("a temporary directory")
    })
    .path()
}

fuzz_target!(|data: &[u8]| {
    yuedu_fuzz::check_bookmarks_file(data, dir());
});
