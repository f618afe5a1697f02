//! The media files an export points at, in a ZIP: each file is added the first time a row
//! refers to it, under the same relative path the row's cell shows (`media/voice/….ogg`),
//! copied file by file (never loaded whole).

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Component, Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::ExportError;

pub struct MediaZip {
    zip: ZipWriter<BufWriter<File>>,
    data_dir: PathBuf,
    seen: HashSet<String>,
    pub added: u64,
    /// Paths rows refer to that are not in the data directory (or not a plain relative path).
    pub missing: Vec<String>,
}

/// Only plain relative paths inside the data directory (no `..`, no root).
fn is_safe(relative: &str) -> bool {
    let path = Path::new(relative);
    !relative.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)))
}

impl MediaZip {
    pub fn create(file: File, data_dir: &Path) -> Self {
        Self {
            zip: ZipWriter::new(BufWriter::new(file)),
            data_dir: data_dir.to_path_buf(),
            seen: HashSet::new(),
            added: 0,
            missing: Vec::new(),
        }
    }

    /// Adds the file at `relative` (under the data directory), once.
    pub fn add(&mut self, relative: &str) -> Result<(), ExportError> {
        if !self.seen.insert(relative.to_owned()) {
            return Ok(());
        }
        let source = self.data_dir.join(relative);
        let file = match is_safe(relative).then(|| File::open(&source)) {
            Some(Ok(file)) => file,
            _ => {
                self.missing.push(relative.to_owned());
                return Ok(());
            }
        };
        // Voice notes (Opus) and photos (JPEG) are compressed already.
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        self.zip.start_file(relative.replace('\\', "/"), options)?;
        std::io::copy(&mut std::io::BufReader::new(file), &mut self.zip)?;
        self.added += 1;
        Ok(())
    }

    pub fn finish(self) -> Result<(u64, Vec<String>), ExportError> {
        let mut out = self.zip.finish()?;
        out.flush()?;
        Ok((self.added, self.missing))
    }
}

#[cfg(test)]
mod tests {
    use super::is_safe;

    #[test]
    fn only_plain_relative_paths_are_read() {
        assert!(is_safe("media/voice/AgADx.ogg"));
        assert!(!is_safe("../etc/passwd"));
        assert!(!is_safe("/etc/passwd"));
        assert!(!is_safe("media/../../x"));
        assert!(!is_safe(""));
    }
}
