//! The script commands and the one-line errors, run as a user would from a shell.

mod common;

use common::{run, stdout_of};
use unicode_width::UnicodeWidthStr;

/// The bundled article's outline, written by reading article/shanghai.txt: the title on
/// line 1, and the three short heading lines 6, 13 and 19. The subtitle (line 2) and the
/// byline (line 27) are not sections.
const OUTLINE: &str = "\
上海从“建框架”向“强功能”跃升
  青年驱动,未来产业跑出“加速度”
  创新策源,助力科创企业“从0到100”
  产学研用融合,中国“质”造力领跑新赛道
";

#[test]
fn outline_of_the_bundled_article() {
    assert_eq!(stdout_of(&["outline"]), OUTLINE);
}

#[test]
fn outline_of_a_file_given_by_path_matches_the_bundled_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/article/shanghai.txt");
    assert_eq!(stdout_of(&["outline", path]), OUTLINE);
}

#[test]
fn outline_as_json() {
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&["outline", "--json"])).expect("JSON");
    let expected = serde_json::json!([
        {"level": 1, "title": "上海从“建框架”向“强功能”跃升", "line": 1},
        {"level": 2, "title": "青年驱动,未来产业跑出“加速度”", "line": 6},
        {"level": 2, "title": "创新策源,助力科创企业“从0到100”", "line": 13},
        {"level": 2, "title": "产学研用融合,中国“质”造力领跑新赛道", "line": 19},
    ]);
    assert_eq!(json, expected);
}

#[test]
fn dump_blocks_are_separated_by_one_blank_line_and_fit_the_width() {
    let article =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/article/shanghai.txt")).unwrap();
    for width in [20usize, 40, 80] {
        let out = stdout_of(&["dump", "--width", &width.to_string()]);
        let blocks: Vec<&str> = out.trim_end_matches('\n').split("\n\n").collect();
        assert_eq!(blocks.len(), article.lines().filter(|l| !l.trim().is_empty()).count());
        for line in out.lines() {
            assert!(line.width() <= width, "{line:?} is wider than {width}");
        }
        // The first paragraph of the lead starts with the two-space ideographic indent.
        assert!(blocks[2].starts_with("　　从布局国内首个"), "{:?}", blocks[2]);
        assert!(blocks[0].starts_with("上海从"), "the title is not indented");
    }
}

fn assert_one_line_error(args: &[&str], needle: &str) {
    let out = run(args);
    assert_eq!(out.status.code(), Some(2), "yuedu {args:?} should exit with 2");
    assert!(out.stdout.is_empty(), "nothing on stdout for {args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line for {args:?}: {err:?}");
    assert!(err.contains(needle), "{err:?} should mention {needle:?}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_input_gets_a_one_line_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name).display().to_string();
    std::fs::write(p("empty.txt"), "").unwrap();
    std::fs::write(p("binary.bin"), b"\x7fELF\x00\x01\x02text").unwrap();
    let missing = p("missing.txt");
    let directory = dir.path().display().to_string();
    for cmd in [&["outline"][..], &["dump", "--width", "40"]] {
        for file in [&missing, &directory, &p("empty.txt"), &p("binary.bin")] {
            let mut args = cmd.to_vec();
            args.insert(1, file);
            assert_one_line_error(&args, file);
        }
    }
    // The reader itself checks the file before it touches the terminal.
    assert_one_line_error(&[&missing], &missing);
}

#[test]
fn the_reader_without_a_terminal_names_the_script_commands() {
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a terminal") && err.contains("yuedu outline") && err.contains("yuedu dump"),
        "{err}"
    );
}
