//! Writing records: pretty JSON, JSON Lines, plain text or Markdown, to standard output or to a
//! file that appears only when the run succeeds (written beside it, then renamed).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::args::OutputFormat;
use crate::record::{Outcome, Page, Record};

/// Where records go, in the format chosen.
pub struct Output {
    writer: Box<dyn Write>,
    format: OutputFormat,
    /// One input: JSON is pretty-printed and text has no per-page header.
    single: bool,
    written: usize,
    /// (temporary file, final path) when writing to `-o FILE`.
    target: Option<(PathBuf, PathBuf)>,
    /// Whether to print errors on stderr in the text formats.
    quiet: bool,
}

impl Output {
    /// Open standard output, or a temporary file beside `path`.
    pub fn open(
        path: Option<&Path>,
        format: OutputFormat,
        single: bool,
        quiet: bool,
    ) -> anyhow::Result<Output> {
        let (writer, target): (Box<dyn Write>, _) = match path {
            None => (Box::new(BufWriter::new(io::stdout().lock())), None),
            Some(path) => {
                let tmp = temp_path(path);
                let file =
                    File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
                (
                    Box::new(BufWriter::new(file)),
                    Some((tmp, path.to_path_buf())),
                )
            }
        };
        Ok(Output {
            writer,
            format,
            single,
            written: 0,
            target,
            quiet,
        })
    }

    /// Write one record.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        match self.format {
            OutputFormat::Json if self.single => {
                serde_json::to_writer_pretty(&mut self.writer, record)?;
                self.writer.write_all(b"\n")?;
            }
            OutputFormat::Json | OutputFormat::Jsonl => {
                serde_json::to_writer(&mut self.writer, record)?;
                self.writer.write_all(b"\n")?;
            }
            OutputFormat::Text | OutputFormat::Markdown => self.write_prose(record)?,
        }
        self.written += 1;
        Ok(())
    }

    fn write_prose(&mut self, record: &Record) -> io::Result<()> {
        let page = match &record.outcome {
            Outcome::Page(page) => page,
            Outcome::Error { error } => {
                if !self.quiet {
                    eprintln!(
                        "pith: {}: {}: {}",
                        record.source.path, error.kind, error.message
                    );
                }
                return Ok(());
            }
        };
        let markdown = self.format == OutputFormat::Markdown;
        if self.written > 0 {
            self.writer
                .write_all(if markdown { b"\n---\n\n" } else { b"\n" })?;
        }
        if markdown {
            self.writer.write_all(markdown_of(page).as_bytes())?;
        } else {
            if !self.single {
                writeln!(self.writer, "==> {} <==", record.source.path)?;
            }
            writeln!(self.writer, "{}", page.text)?;
        }
        Ok(())
    }

    /// Flush, and move the temporary file into place.
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.writer.flush()?;
        if let Some((tmp, path)) = self.target.take() {
            std::fs::rename(&tmp, &path)
                .with_context(|| format!("renaming {} to {}", tmp.display(), path.display()))?;
        }
        Ok(())
    }
}

impl Drop for Output {
    /// A run that failed leaves no partial output file behind.
    fn drop(&mut self) {
        if let Some((tmp, _)) = self.target.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// `.NAME.pith-PID.tmp` in the same directory as `path`, so the rename stays on one file system.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.pith-{}.tmp", std::process::id()))
}

/// The article as Markdown: headline, standfirst, byline and date, then the body.
fn markdown_of(page: &Page) -> String {
    let a = &page.article;
    let mut out = String::new();
    if let Some(h) = a.headline.as_ref().or(page.metadata.title.as_ref()) {
        out.push_str(&format!("# {h}\n\n"));
    }
    if let Some(s) = &a.standfirst {
        out.push_str(&format!("*{s}*\n\n"));
    }
    let mut line = Vec::new();
    if !a.byline.is_empty() {
        line.push(format!("By {}", a.byline.join(", ")));
    }
    if let Some(p) = &a.published {
        line.push(p.clone());
    }
    if !line.is_empty() {
        out.push_str(&format!("{}\n\n", line.join(" · ")));
    }
    for (i, block) in a.body.iter().enumerate() {
        let text = match (i, &a.dateline) {
            (0, Some(d)) => format!("{} {}", d.text, block.text),
            _ => block.text.clone(),
        };
        let md = match block.kind.as_str() {
            "heading" => format!("## {text}"),
            "list_item" => format!("- {text}"),
            "quote" => format!("> {text}"),
            "preformatted" => format!("```\n{text}\n```"),
            _ => text,
        };
        out.push_str(&md);
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Article, Block, Dateline, Metadata};

    #[test]
    fn markdown() {
        let page = Page {
            metadata: Metadata::default(),
            article: Article {
                headline: Some("Floods".into()),
                byline: vec!["Jane Roe".into()],
                dateline: Some(Dateline {
                    text: "LIMA -".into(),
                    location: Some("LIMA".into()),
                    agency: None,
                    date: None,
                }),
                body: vec![
                    Block {
                        kind: "paragraph".into(),
                        text: "Rain fell.".into(),
                    },
                    Block {
                        kind: "list_item".into(),
                        text: "One".into(),
                    },
                ],
                ..Article::default()
            },
            text: String::new(),
            removed: vec![],
            warnings: vec![],
        };
        assert_eq!(
            markdown_of(&page),
            "# Floods\n\nBy Jane Roe\n\nLIMA - Rain fell.\n\n- One\n\n"
        );
    }
}
