//! Command-line arguments (clap derive), and their conversion into library options.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  pith page.html                      one page, pretty JSON
  pith --jsonl pages/ > out.jsonl     a directory (recursive), one JSON object per line
  pith -j 4 -o out.jsonl a.html b.htm.gz c.glued.txt
  pith --records crawl.jsonl.gz       records: {\"id\", \"url\"?, \"html\"|\"text\", ...} per line
  curl -s https://example.org/ | pith -
  pith --format markdown page.html    the article as Markdown
  pith completions bash > /etc/bash_completion.d/pith
  pith man > pith.1

Exit status: 0 all pages cleaned, 1 some inputs gave error records, 2 usage or fatal error.
A file named `man` or `completions` can be given as `./man`.";

/// Clean and segment web pages (HTML or flattened text) into JSON records.
#[derive(Debug, Parser)]
#[command(
    name = "pith",
    version,
    about = "Clean and segment web pages into structured articles (JSON).",
    long_about = "Clean and segment web pages into structured articles (JSON): headline, \
                  standfirst, date, dateline, byline, quotes and body, with every removed \
                  block listed with its kind and evidence.",
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    /// Generate shell completions or the man page instead of cleaning.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Pages: files (.html .htm .xhtml .txt, optionally .gz), directories (searched
    /// recursively), `-` for standard input, or .jsonl[.gz] record files.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// A JSON Lines file of records, one {"id","url"?,"html"|"text",...} per line (repeatable).
    #[arg(long = "records", value_name = "FILE")]
    pub records: Vec<PathBuf>,

    /// How to read inputs: by content (auto), or always as HTML or as flattened text.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,

    /// Output format. JSON is pretty for one page and one object per line for several.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,

    /// One JSON object per line, whatever the number of inputs (same as --format jsonl).
    #[arg(long)]
    pub jsonl: bool,

    /// Write to FILE (through a temporary file renamed on success) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Worker threads (default: the number of cores). Output order never depends on it.
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Inputs larger than this many bytes (after decompression) give a `too_large` error record.
    #[arg(long, value_name = "BYTES", default_value_t = 64 << 20)]
    pub max_bytes: usize,

    /// Per-page time budget in milliseconds; a page over it gives a `timeout` error record
    /// and the run goes on. The page cannot be stopped safely, so its thread is left to
    /// finish in the background; it no longer holds a worker.
    #[arg(long, value_name = "MS")]
    pub timeout_ms: Option<u64>,

    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// What to generate instead of cleaning pages.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

/// `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// Decide by content.
    Auto,
    /// Always HTML.
    Html,
    /// Always flattened text.
    Text,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// JSON: pretty for a single page, JSON Lines for several.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// The article body as plain text.
    Text,
    /// The article as Markdown.
    Markdown,
}

impl From<InputFormatArg> for pith_clean::FormatChoice {
    fn from(f: InputFormatArg) -> Self {
        match f {
            InputFormatArg::Auto => pith_clean::FormatChoice::Auto,
            InputFormatArg::Html => pith_clean::FormatChoice::Html,
            InputFormatArg::Text => pith_clean::FormatChoice::Text,
        }
    }
}

impl From<&Args> for pith_clean::Options {
    fn from(args: &Args) -> Self {
        pith_clean::Options::default()
            .with_max_bytes(args.max_bytes)
            .with_format(args.input_format.into())
    }
}

impl Args {
    /// The number of worker threads to use.
    pub fn jobs(&self) -> usize {
        self.jobs
            .filter(|&n| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    }

    /// The output format once `--jsonl` is taken into account.
    pub fn output_format(&self) -> OutputFormat {
        if self.jsonl {
            OutputFormat::Jsonl
        } else {
            self.format
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn args_become_options() {
        let args = Args::parse_from(["pith", "--max-bytes", "10", "--input-format", "text", "x"]);
        let o = pith_clean::Options::from(&args);
        assert_eq!(o.max_bytes(), 10);
        assert_eq!(o.format(), pith_clean::FormatChoice::Text);
    }

    #[test]
    fn jsonl_flag_wins() {
        let args = Args::parse_from(["pith", "--jsonl", "-f", "json", "x"]);
        assert_eq!(args.output_format(), OutputFormat::Jsonl);
    }

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Args::command().debug_assert();
    }
}
