//! `yuedu config`, the lookup order of the config file, and exit code 2 for a broken one.

use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary with HOME and XDG_CONFIG_HOME in `home` and `$YUEDU_CONFIG` as given.
fn run(home: &Path, yuedu_config: Option<&Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_yuedu"));
    cmd.args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env_remove("YUEDU_CONFIG");
    if let Some(p) = yuedu_config {
        cmd.env("YUEDU_CONFIG", p);
    }
    cmd.output().expect("run yuedu")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

#[test]
fn lookup_order_is_argument_then_environment_then_xdg_then_defaults() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    let xdg = h.join("config/yuedu/config.toml");
    let env = h.join("env.toml");
    let arg = h.join("arg.toml");

    let none = stdout(&run(h, None, &["config"]));
    assert_eq!(none.trim(), format!("defaults (no file at {})", xdg.display()));

    write(&xdg, "[layout]\nmax_text_width = 60\n");
    assert_eq!(stdout(&run(h, None, &["config"])).trim(), xdg.display().to_string());

    write(&env, "[layout]\nmax_text_width = 70\n");
    assert_eq!(
        stdout(&run(h, Some(&env), &["config"])).trim(),
        format!("{} (from $YUEDU_CONFIG)", env.display())
    );

    write(&arg, "[layout]\nmax_text_width = 70\n");
    let arg_s = arg.to_str().expect("utf-8 path");
    assert_eq!(
        stdout(&run(h, Some(&env), &["config", "--config", arg_s])).trim(),
        format!("{arg_s} (from --config)")
    );
}

#[test]
fn the_file_found_is_the_file_used() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    let doc = h.join("doc.txt");
    write(&doc, "标题\n\n第一段文字。\n");
    let dump =
        |env: Option<&Path>| stdout(&run(h, env, &["dump", doc.to_str().expect("path"), "--width", "40"]));
    assert!(dump(None).contains("　　第一段文字。"));
    write(&h.join("config/yuedu/config.toml"), "[text]\nfirst_line_indent = \"\"\n");
    assert!(dump(None).lines().any(|l| l == "第一段文字。"));
    let env = h.join("env.toml");
    write(&env, "[text]\nfirst_line_indent = \"  \"\n");
    assert!(dump(Some(&env)).lines().any(|l| l == "  第一段文字。"));
}

#[test]
fn a_broken_file_exits_2_with_one_line_before_anything_else() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    let bad = h.join("config/yuedu/config.toml");
    write(&bad, "# colours\n[theme]\nfigure = { fg = \"yelow\" }\n");
    // The reader itself checks the config before it needs a terminal; every command does.
    let commands: [&[&str]; 9] = [
        &["config"],
        &[],
        &["dump", "--width", "40"],
        &["outline"],
        &["figures"],
        &["quotes", "--json"],
        &["bookmarks"],
        &["bookmarks", "export"],
        &["shelf"],
    ];
    for args in commands {
        let out = run(h, None, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err,
            format!(
                "yuedu: {}:3:17: unknown colour \"yelow\" for theme.figure (expected a colour name, #rrggbb or \
                 0-255; did you mean \"yellow\"?)\n",
                bad.display()
            ),
            "{args:?}"
        );
        assert!(out.stdout.is_empty(), "{args:?} printed before stopping");
    }
    // Except `config --default`, which shows how to mend the file.
    assert!(run(h, None, &["config", "--default"]).status.success());
}

/// A closed pipe (`yuedu figures | head -n 1`) ends the command quietly, with status 0.
#[test]
fn a_closed_pipe_ends_a_command_quietly() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    // More output than a pipe holds, so the writer meets the closed end.
    let text: String = (1..=20_000).map(|i| format!("第{i}段：产值增长24.8%，达到3.5亿元。\n")).collect();
    let file = h.join("big.txt");
    write(&file, &text);
    let err = h.join("err.txt");
    for args in ["figures", "quotes", "dump --width 40", "outline --json"] {
        let script =
            format!("set -o pipefail; \"$0\" {args} \"$1\" 2>\"$2\" | head -n 1 >/dev/null; echo $?",);
        let out = Command::new("bash")
            .args(["-c", &script, env!("CARGO_BIN_EXE_yuedu"), &file.display().to_string()])
            .arg(&err)
            .env("HOME", h)
            .env("XDG_CONFIG_HOME", h.join("config"))
            .output()
            .expect("bash");
        let status = String::from_utf8_lossy(&out.stdout);
        assert_eq!(status.trim(), "0", "{args}: the pipeline's status");
        let said = std::fs::read_to_string(&err).expect("stderr");
        assert_eq!(said, "", "{args}: nothing on stderr");
    }
}

#[test]
fn a_missing_file_named_explicitly_is_an_error() {
    let home = tempfile::tempdir().expect("tempdir");
    let h = home.path();
    let missing = h.join("nope.toml");
    for out in [
        run(h, None, &["config", "--config", missing.to_str().expect("path")]),
        run(h, Some(&missing), &["config"]),
    ] {
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with(&format!("yuedu: {}: cannot read the config file:", missing.display())),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn config_default_prints_the_documented_defaults() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = stdout(&run(home.path(), None, &["config", "--default"]));
    assert_eq!(out, yuedu::config::DEFAULT_CONFIG);
    // Printed defaults, saved as a user file, load and change nothing.
    let file = home.path().join("copy.toml");
    write(&file, &out);
    let used = stdout(&run(home.path(), None, &["config", "--config", file.to_str().expect("path")]));
    assert!(used.contains("copy.toml"));
}
