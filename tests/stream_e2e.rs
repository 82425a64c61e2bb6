//! The beginning first, in a real terminal: a large file's first page before it is read
//! whole, `G` and `]` pressed meanwhile doing what they do on the whole text; a text piped
//! to the reader, its keys from the terminal; script commands reading `-`.

mod common;

#[path = "fixtures/bigtext.rs"]
mod bigtext;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Tmux, bin, shell_quote, text_part};

/// Waits (up to two minutes: a debug build reads a large file slowly) until `pred` holds.
fn wait_long(t: &Tmux, what: &str, pred: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let s = t.screen();
        if pred(&s) {
            return s;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}; screen was:\n{s}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The reader on a generated novel of 24 MB, its first page on screen while the rest is
/// still read (a debug build takes seconds over it).
fn start_large() -> (tempfile::TempDir, Tmux) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(24 << 20, 1_000)).unwrap();
    let t = Tmux::start(&[&path.display().to_string()], 100, 30);
    first_page(&t);
    (dir, t)
}

/// Waits for the whole first frame (status line included: a capture may catch a frame half
/// drawn) and checks that it came while the rest of the text was still being read.
fn first_page(t: &Tmux) -> String {
    let first = t.wait_for("the first page", |s| s.contains("从布局国内首个大模型") && s.contains("? help"));
    assert!(first.contains("indexing"), "the first page comes before the whole text:\n{first}");
    first
}

/// The first row of the text pane.
fn top_row(screen: &str) -> &str {
    screen.lines().next().map_or("", text_part)
}

#[test]
fn g_and_next_section_pressed_while_a_large_file_is_read_land_where_they_would() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(24 << 20, 1_000)).unwrap();
    let path = path.display().to_string();

    // `]` from the title: the first chapter at the top.
    let t = Tmux::start(&[&path], 100, 30);
    first_page(&t);
    t.keys(&["]"]);
    let screen = wait_long(&t, "the first chapter at the top", |s| top_row(s).starts_with("第一章 "));
    assert!(!screen.contains("indexing"), "{screen}");
    // `G` meanwhile, in a reader started afresh: the end of the whole text.
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);

    let t = Tmux::start(&[&path], 100, 30);
    first_page(&t);
    t.keys(&["G"]);
    let waiting = t.screen();
    // (The file's end comes at once, the whole text after it.)
    let screen = wait_long(&t, "the end of the text", |s| s.contains("全书完。") && !s.contains("indexing"));
    assert!(screen.contains("100%"), "{screen}");
    assert!(screen.contains(&bigtext::chapter_heading(1_000)), "the last chapter:\n{screen}");
    // While it waited, the screen showed the beginning and how far the reading was.
    assert!(waiting.contains("全书完。") || waiting.contains("indexing"), "{waiting}");
    // `]` at the last chapter says so; `q` quits at once.
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn quitting_while_the_text_is_read_is_immediate() {
    let (_dir, t) = start_large();
    // A key that waits, then quit: quitting does not wait behind it.
    t.keys(&["G"]);
    t.keys(&["q"]);
    let s = t.wait_for("the reader to exit", |s| s.contains("__EXIT_"));
    assert!(!s.contains("全书完。"), "quit before the end was shown:\n{s}");
    assert_eq!(t.wait_exit(), 0);
}

/// Types into the shell `t` runs a command line that pipes `text` to the reader: `feed`
/// makes what writes it from the (quoted) name of a file holding it; `then` follows.
fn pipe_to_reader(t: &Tmux, text: &str, feed: impl FnOnce(&str) -> String, then: &str) {
    let file = t.home().join("in.txt");
    std::fs::write(&file, text).unwrap();
    let source = feed(&shell_quote(&file.display().to_string()));
    t.type_text(&format!("{source} | {}{then}", t.command_line(&[])));
    t.keys(&["Enter"]);
}

#[test]
fn a_piped_text_is_read_with_keys_from_the_terminal() {
    let t = Tmux::shell(100, 30);
    let mut text = String::from("管道里的文章\n\n");
    for n in 1..=3 {
        text.push_str(&format!("第{}章 第{n}节的标题\n\n", bigtext::chinese_number(n)));
        for _ in 0..30 {
            text.push_str("　　这一段是正文，用来把屏幕填满。\n\n");
        }
    }
    pipe_to_reader(&t, &text, |file| format!("cat {file}"), "; echo __EXIT_$?__");
    let screen = t.wait_text("管道里的文章");
    assert!(screen.contains("(stdin)") || screen.contains("管道里的文章"), "{screen}");
    let title = || t.command(&["display", "-p", "#{pane_title}"]).trim().to_string();
    t.wait_for("(stdin) in the window title", |_| title() == "(stdin) — yuedu");
    t.keys(&["]"]);
    t.wait_for("the first chapter at the top", |s| top_row(s).starts_with("第一章 第1节的标题"));
    t.keys(&["]"]);
    t.wait_for("the second chapter at the top", |s| top_row(s).starts_with("第二章 第2节的标题"));
    t.keys(&["q"]);
    t.wait_text("__EXIT_0__");
    // The place is kept under the text's content, marked as read from standard input.
    let places = std::fs::read_to_string(t.home().join("state/yuedu/positions.toml")).unwrap();
    assert!(places.contains("[position.s-") && places.contains("stdin = true"), "{places}");
    // The shelf lists it.
    let shelf = Command::new(bin())
        .arg("shelf")
        .env("HOME", t.home())
        .env("XDG_STATE_HOME", t.home().join("state"))
        .env("XDG_CONFIG_HOME", t.home().join("config"))
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    let shelf = String::from_utf8_lossy(&shelf.stdout);
    assert!(shelf.contains("管道里的文章") && shelf.contains("(stdin)"), "{shelf}");
}

#[test]
fn a_piped_page_with_no_text_is_refused_in_one_line_naming_standard_input_once() {
    let t = Tmux::shell(100, 30);
    let page = "<html><head><style>p{}</style></head><body><script>x()</script></body></html>";
    pipe_to_reader(&t, page, |file| format!("cat {file}"), "; echo __EXIT_$?__");
    let screen = t.wait_text("__EXIT_2__");
    let line = screen.lines().find(|l| l.contains("no text to read")).unwrap_or_default();
    assert!(line.starts_with("yuedu: (stdin): has no text to read"), "{screen}");
}

#[test]
fn script_commands_read_standard_input() {
    for file in
        ["tests/corpus/texts/fiction-02-sanguo.txt", "tests/fixtures/report.txt", "tests/fixtures/notes.md"]
    {
        for command in [&["outline"][..], &["dump", "--width", "40"], &["figures"], &["quotes", "--json"]] {
            let from_file = Command::new(bin()).args(command).arg(file).output().unwrap();
            let piped = Command::new(bin())
                .args(command)
                .arg("-")
                .stdin(Stdio::from(std::fs::File::open(file).unwrap()))
                .output()
                .unwrap();
            assert_eq!(piped.status.code(), Some(0), "{command:?} - < {file}");
            // Markdown is told by the file name: from a pipe a text is plain text.
            if !file.ends_with(".md") {
                assert!(
                    from_file.stdout == piped.stdout,
                    "{command:?} - < {file} differs from {command:?} {file}"
                );
            }
            assert!(!piped.stdout.is_empty());
        }
    }
}

#[test]
fn standard_input_without_a_terminal_is_refused_naming_the_script_commands() {
    let out = Command::new(bin())
        .arg("-")
        .stdin(Stdio::from(std::fs::File::open("tests/fixtures/report.txt").unwrap()))
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not a terminal") && err.contains("yuedu outline"), "{err}");
}

#[test]
fn standard_input_past_the_size_cap_stops_at_a_line_end_with_a_warning() {
    let mut child = Command::new(bin())
        .args(["outline", "-", "--max-size", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // An endless pipe: the reader stops reading at the cap, the writer then gets EPIPE.
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let line = "第一章 开始\n".to_string() + &"中文，".repeat(100) + "\n";
        while stdin.write_all(line.as_bytes()).is_ok() {}
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let outline = String::from_utf8_lossy(&out.stdout);
    assert!(outline.lines().count() > 100, "{}", outline.lines().count());
}

#[test]
fn a_place_saved_by_an_earlier_version_is_found_once_the_whole_text_is_in() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(3 << 20, 300)).unwrap();
    let doc = yuedu::cli::open_document(Some(&path), None).unwrap();
    let heading = bigtext::chapter_heading(250);
    let offset = doc.text.find(&format!("{heading}\n")).unwrap();
    // An earlier version's record: keyed by the hash of the whole text, no fingerprint.
    let legacy = doc.legacy_id();
    let state = home.path().join("state/yuedu");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(
        state.join("positions.toml"),
        format!(
            "[position.{legacy}]\noffset = {offset}\nname = \"novel.txt\"\nsaved = \"2020-01-01T00:00:00Z\"\n"
        ),
    )
    .unwrap();
    let t = Tmux::start_in(home, &[&path.display().to_string()], 100, 30);
    wait_long(&t, "the saved chapter at the top", |s| top_row(s).starts_with(&heading));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    // Saved again under the text's identity now.
    let places = std::fs::read_to_string(state.join("positions.toml")).unwrap();
    assert!(!places.contains(&legacy) && places.contains("[position.p-"), "{places}");
    assert!(places.contains(&format!("offset = {offset}")), "{places}");
}

#[test]
fn a_place_deep_in_a_large_file_opens_there() {
    let keep = tempfile::tempdir().unwrap();
    let path = keep.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(8 << 20, 400)).unwrap();
    let path = path.display().to_string();
    let state = keep.path().join("state").display().to_string();
    let start = || {
        Tmux::start_with_env(tempfile::tempdir().unwrap(), &[("XDG_STATE_HOME", &state)], &[&path], 100, 30)
    };
    let t = start();
    t.wait_text("从布局国内首个大模型");
    // Chapter 390 through the go-to prompt (it waits for the whole text), then quit.
    t.keys(&[":"]);
    let target = bigtext::chapter_heading(390);
    wait_long(&t, "the go-to prompt", |s| s.lines().last().is_some_and(|l| l.starts_with(':')));
    t.type_text("390");
    t.keys(&["Enter"]);
    wait_long(&t, "chapter 390 at the top", |s| top_row(s).starts_with(&target));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    drop(t);
    let t = start();
    wait_long(&t, "chapter 390 at the top again", |s| top_row(s).starts_with(&target));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_search_typed_while_the_text_is_read_searches_the_whole_text() {
    let (_dir, t) = start_large();
    // `/` waits for the whole text; the letters typed after it are the search's, not keys.
    t.keys(&["/"]);
    t.type_text("全书完");
    t.keys(&["Enter"]);
    // The one match is in the last line, far past the beginning.
    let screen = wait_long(&t, "the search's one match", |s| s.contains("/全书完 1/1"));
    assert!(!screen.contains("indexing"), "{screen}");
    assert!(screen.contains(&bigtext::chapter_heading(1_000)), "{screen}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn an_endless_pipe_shows_its_first_page_and_stops_at_the_size_cap() {
    let t = Tmux::shell(100, 30);
    let cmd = format!("yes 中文 | {}; echo __EXIT_$?__", t.command_line(&["--max-size", "2"]));
    t.type_text(&cmd);
    t.keys(&["Enter"]);
    t.wait_text("　　中文");
    let screen =
        wait_long(&t, "the cap's warning", |s| s.contains("standard input stopped at 2 MB (--max-size)"));
    assert!(screen.contains("0%"), "{screen}");
    // The next key clears the message: the status line says where the text came from.
    t.keys(&["j"]);
    t.wait_for("(stdin) on the status line", |s| {
        s.lines().nth(29).is_some_and(|l| l.starts_with(" (stdin) · 中文"))
    });
    t.keys(&["q"]);
    t.wait_text("__EXIT_0__");
}

/// The rows of the text pane (the status line left out).
fn text_rows(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    lines[..lines.len().saturating_sub(1)].iter().map(|l| text_part(l).trim_end().to_string()).collect()
}

#[test]
fn g_at_once_shows_the_end_before_the_whole_text_is_read_and_the_place_is_the_whole_texts() {
    let t = Tmux::shell(100, 30);
    let path = t.home().join("novel.txt");
    std::fs::write(&path, bigtext::novel(24 << 20, 1_000)).unwrap();
    let run = format!("{}; echo __EXIT_$?__", t.command_line(&[&path.display().to_string()]));
    t.type_text(&run);
    t.keys(&["Enter"]);
    first_page(&t);
    t.keys(&["G"]);
    // The end of the text, while the rest is still being read.
    let end = wait_long(&t, "the end of the text", |s| s.contains("全书完。") && s.contains("? help"));
    assert!(end.contains("indexing"), "the end comes before the whole text:\n{end}");
    assert!(end.contains(&bigtext::chapter_heading(1_000)) || end.contains("100%"), "{end}");
    // Once it is read: still the end (its rows may be wrapped anew beside the whole
    // outline).
    let whole = wait_long(&t, "the whole text", |s| !s.contains("indexing") && s.contains("? help"));
    assert!(whole.contains("全书完。") && whole.contains("100%"), "{whole}");
    let after = text_rows(&whole);
    // Quit, open again: back at that place.
    t.keys(&["q"]);
    t.wait_text("__EXIT_0__");
    t.type_text("clear");
    t.keys(&["Enter"]);
    t.wait_for("a clear screen", |s| !s.contains("__EXIT_0__"));
    t.type_text(&run);
    t.keys(&["Enter"]);
    let again = wait_long(&t, "the place read, the whole text in", |s| {
        !s.contains("indexing") && s.contains("? help") && s.contains("全书完。")
    });
    assert_eq!(text_rows(&again)[0], after[0], "{again}\n{whole}");
    t.keys(&["q"]);
    t.wait_text("__EXIT_0__");
}

/// The reader on a text piped to it that stops coming after 2 MB (the writer keeps the pipe
/// open): its beginning is shown, and the rest is read no further.
fn start_stalled() -> (Tmux, std::path::PathBuf) {
    let t = Tmux::shell(100, 30);
    pipe_to_reader(&t, &bigtext::novel(2 << 20, 200), |file| format!("{{ cat {file}; sleep 120; }}"), "");
    wait_long(&t, "the first page", |s| s.contains("从布局国内首个大模型") && s.contains("reading 0 MB"));
    let places = t.home().join("state/yuedu/positions.toml");
    (t, places)
}

#[test]
fn while_the_rest_is_read_the_place_is_saved_every_few_seconds() {
    let (t, places) = start_stalled();
    let first = top_row(&t.screen()).to_string();
    t.keys(&["j", "j", "j"]);
    t.wait_for("the text moved", |s| top_row(s) != first);
    // Saved without quitting, the rest still unread (a save comes every five seconds).
    let deadline = Instant::now() + Duration::from_secs(30);
    while !std::fs::read_to_string(&places).is_ok_and(|p| p.contains("stdin = true")) {
        assert!(Instant::now() < deadline, "no place saved while the rest is read:\n{}", t.screen());
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(t.screen().contains("reading 0 MB"), "{}", t.screen());
    t.keys(&["q"]);
}

#[test]
fn while_the_loader_has_no_news_nothing_is_drawn() {
    let (t, _) = start_stalled();
    // The beginning's quotes are found once it is on screen, and drawn in a frame of their
    // own: that frame is news.
    t.wait_for_escaped("the quotes highlighted", |s| {
        s.contains("“世界之巅”") && !s.contains("丈量“世界之巅”")
    });
    // What the reader writes to the terminal from now on. Each frame it draws writes at
    // least the sequence that hides the cursor, even when no cell changed.
    let out = t.home().join("out");
    t.command(&["pipe-pane", "-o", &format!("cat >> {}", shell_quote(&out.display().to_string()))]);
    std::thread::sleep(Duration::from_millis(1500));
    let quiet = std::fs::metadata(&out).map_or(0, |m| m.len());
    // A key is drawn (and so the pipe does catch what the reader writes).
    t.keys(&["j"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::metadata(&out).map_or(0, |m| m.len()) == quiet {
        assert!(Instant::now() < deadline, "the key's frame never came through the pipe");
        std::thread::sleep(Duration::from_millis(50));
    }
    t.command(&["pipe-pane"]);
    assert_eq!(quiet, 0, "written while nothing changed: {:?}", std::fs::read_to_string(&out));
    assert!(t.screen().contains("reading 0 MB"), "{}", t.screen());
    t.keys(&["q"]);
}

#[test]
fn a_quote_asked_for_at_once_on_a_text_read_whole_counts_all_its_quotes() {
    // A short text comes whole, and its quotes are found on the loader's thread after the
    // first frame: `)` at once waits for them and steps through all of them.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("novel.txt");
    std::fs::write(&path, bigtext::novel(400 << 10, 20)).unwrap();
    let path = path.display().to_string();
    let listed: serde_json::Value =
        serde_json::from_str(&common::stdout_of(&["quotes", "--json", &path])).unwrap();
    let total = listed.as_array().expect("a list").len();
    assert!(total > 500, "{total}");
    let t = Tmux::start(&[&path], 100, 30);
    t.wait_for("the first page", |s| s.contains("从布局国内首个大模型") && s.contains("? help"));
    t.keys(&[")"]);
    t.wait_for("the first quote of all", |s| s.contains(&format!("quote 1/{total}")));
}
