//! Where the memory of a large text goes: the heap, counted by a global allocator, and the
//! peak resident size, at each stage of opening a generated novel as the reader does.
//!
//! `cargo run --release --example memory -- [MB (200)] [CHAPTERS (10000)]` generates the
//! novel of `benches/bigtext.rs` (in a child process, so that generating it leaves no trace
//! in this one's peak), or `cargo run --release --example memory -- --file FILE` reads a
//! file; then, as the reader does:
//!
//! 1. `head`: `loading::open` returns the beginning (the loader goes on in the background);
//! 2. `reader on head`: `App::counted` on it, sized to 120×40;
//! 3. `whole built`: `Loader::wait` gives the whole document and its counts;
//! 4. `whole in place`: `App::loaded` puts it in place of the beginning;
//! 5. `G`: `update(Action::Bottom)` lays out the end.
//!
//! For each stage it prints the heap in use, the heap's peak so far (both in MiB of
//! allocated bytes), the process's peak resident size (`VmHWM`), its resident size now
//! (`VmRSS`) and the part of it that is the heap and stacks (`RssAnon`) and mapped files,
//! the program's code among them (`RssFile`), in kB as `/proc/self/status` gives them, and
//! the ratio of `VmHWM` to the file.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use yuedu::app::loading::{self, Built, Opened, Request};
use yuedu::app::{Action, App};
use yuedu::config::Config;

#[path = "../tests/fixtures/bigtext.rs"]
mod bigtext;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = NOW.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed to `System` unchanged; only counters are updated beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is `System`'s.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            NOW.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A `/proc/self/status` field in kB (0 where there is none).
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn report(stage: &str, file_bytes: u64) {
    let mib = |b: usize| b as f64 / (1 << 20) as f64;
    let hwm = status_kb("VmHWM");
    println!(
        "| {stage} | {:.1} | {:.1} | {} | {} | {} | {} | {:.3} |",
        mib(NOW.load(Ordering::Relaxed)),
        mib(PEAK.load(Ordering::Relaxed)),
        hwm,
        status_kb("VmRSS"),
        status_kb("RssAnon"),
        status_kb("RssFile"),
        (hwm * 1024) as f64 / file_bytes as f64,
    );
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The child: writes the novel and exits.
    if let [flag, out, mb, chapters] = args.as_slice()
        && flag == "--write"
    {
        let (mb, chapters) = (mb.parse::<usize>().unwrap_or(200), chapters.parse().unwrap_or(10_000));
        return match std::fs::write(out, bigtext::novel(mb << 20, chapters)) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("memory: {out}: {e}");
                std::process::ExitCode::from(2)
            }
        };
    }
    let scratch = tempfile::tempdir().expect("a scratch directory");
    let path = if let [flag, file] = args.as_slice()
        && flag == "--file"
    {
        PathBuf::from(file)
    } else {
        let mb = args.first().map_or("200", String::as_str);
        let chapters = args.get(1).map_or("10000", String::as_str);
        let path = scratch.path().join("novel.txt");
        let exe = std::env::current_exe().expect("this program's path");
        let written = std::process::Command::new(exe)
            .args(["--write", path.to_str().expect("a UTF-8 path"), mb, chapters])
            .status();
        if !written.is_ok_and(|s| s.success()) {
            eprintln!("memory: could not generate the novel");
            return std::process::ExitCode::from(2);
        }
        path
    };
    let file_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("{}: {file_bytes} bytes", path.display());
    println!(
        "| stage | heap MiB | heap peak MiB | VmHWM kB | VmRSS kB | anonymous kB | files kB | VmHWM / file |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    report("start", file_bytes);
    let request = Request::file(&path, None);
    let (first, loader) = match loading::open(request) {
        Ok(Opened::Head(doc, mut loader)) => {
            let quotes = loader.take_quotes();
            (Built { quotes, ..Built::bare(doc) }, Some(loader))
        }
        Ok(Opened::Whole(built)) => (built, None),
        Err(e) => {
            eprintln!("memory: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    report("head", file_bytes);
    // As the reader does: quotes found on the loader's thread are taken once they are there.
    let quotes_now = loader.is_none() && first.quotes.is_none();
    let mut app = App::counted(first.doc, first.progress, Config::default(), 120, 40, quotes_now);
    app.quotes.coming = first.quotes;
    app.resize(120, 40);
    if let Some(loader) = &loader {
        app.begin_loading(loader.total(), false);
    }
    take_quotes(&mut app);
    report("reader on head", file_bytes);
    if let Some(mut loader) = loader {
        let built = match loader.wait(Duration::from_secs(600)) {
            Some(Ok(built)) => built,
            Some(Err(e)) => {
                eprintln!("memory: {e}");
                return std::process::ExitCode::from(2);
            }
            None => {
                eprintln!("memory: the loader did not finish");
                return std::process::ExitCode::from(2);
            }
        };
        report("whole built", file_bytes);
        app.loaded(built);
        take_quotes(&mut app);
        report("whole in place", file_bytes);
    }
    app.update(Action::Bottom);
    report("G", file_bytes);
    std::process::ExitCode::SUCCESS
}

/// The quotes being found on the loader's thread, waited for (the reader takes them once
/// they are there).
fn take_quotes(app: &mut App) {
    if app.quotes.coming.is_some() {
        let doc = std::sync::Arc::clone(&app.doc);
        app.quotes.find(&doc);
    }
}
