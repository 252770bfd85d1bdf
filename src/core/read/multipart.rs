//! The reader of [`MultipartOptions`] (`signMultipart`, and each request `uploadFile` signs).

use super::options::{choice, Target};
use super::{Obj, Value};
use crate::core::checksum::ChecksumAlgorithm;
use crate::core::error::Error;
use crate::core::multipart::{CompletedPart, MultipartOptions, Operation};
use crate::core::object_options::ObjectOptions;
use crate::core::option_names::{MULTIPART, OBJECT, TARGET};
use crate::core::options::{default_put_expiry, SignedHeaderOptions};

impl Operation {
    pub fn read(v: &Value) -> Result<Self, Error> {
        let table = [
            ("create", Operation::Create),
            ("uploadPart", Operation::UploadPart),
            ("complete", Operation::Complete),
            ("listParts", Operation::ListParts),
            ("abort", Operation::Abort),
            ("headObject", Operation::HeadObject),
        ];
        let what =
            "\"create\", \"uploadPart\", \"complete\", \"listParts\", \"abort\" or \"headObject\"";
        choice(v, "operation", &table, what)
    }
}

impl MultipartOptions {
    pub fn read(v: &Value) -> Result<Self, Error> {
        let o = Obj::new(v, "", "options")?;
        o.only(&[TARGET, OBJECT, MULTIPART])?;
        let operation = o.required("operation", o.get("operation"))?;
        let t = Target::read(&o, default_put_expiry())?;
        let parts = o.list("parts", "a list of { partNumber, etag, checksum? }")?;
        Ok(with_target!(MultipartOptions, t, {
            operation: Operation::read(operation)?,
            presign: o.flag("presign")?,
            upload_id: o.text("uploadId")?,
            part_number: o.count("partNumber")?,
            part_number_marker: o.count("partNumberMarker")?,
            max_parts: o.count("maxParts")?,
            parts: parts
                .iter()
                .enumerate()
                .map(|(i, v)| part(i, v))
                .collect::<Result<_, _>>()?,
            checksum_algorithm: o
                .get("checksumAlgorithm")
                .map(ChecksumAlgorithm::read)
                .transpose()?,
            checksum: o.text("checksum")?,
            headers: o.fields("headers")?,
            content_length: o
                .whole("contentLength", 0, "a non-negative integer (bytes)")?
                .map(|n| n as u64),
            signed_headers: SignedHeaderOptions::read(&o)?,
            object: ObjectOptions::read_besides(v, &["checksumAlgorithm"])?,
        }))
    }
}

/// `{ partNumber, etag, checksum? }`, the `i`-th of `parts` (named so in errors: `parts[2].etag`).
fn part(i: usize, v: &Value) -> Result<CompletedPart, Error> {
    let path = ["parts[", &i.to_string(), "]."].concat();
    let o = Obj::new(v, &path, &path[..path.len() - 1])?;
    o.only(&[&["partNumber", "etag", "checksum"]])?;
    Ok(CompletedPart {
        part_number: o.required("partNumber", o.count("partNumber")?)?,
        etag: o.required("etag", o.text("etag")?)?,
        checksum: o.text("checksum")?,
    })
}
