//! The `<CompleteMultipartUpload>` body: the parts ascending, each with its ETag (and checksum).
//! S3: <https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html>;
//! OSS: <https://www.alibabacloud.com/help/en/oss/developer-reference/completemultipartupload>;
//! OBS: <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0102.html>.

use super::limits::MAX_PARTS;
use super::options::{ChecksumAlgorithm, CompletedPart};
use crate::core::error::Error;

/// Checks the part list Complete sends: not empty, numbers 1–10,000, strictly ascending (so
/// unique), ETags present, a checksum on every part or on none.
pub fn check_parts(
    parts: &[CompletedPart],
    algorithm: Option<ChecksumAlgorithm>,
) -> Result<(), Error> {
    if parts.is_empty() {
        return Err(Error::invalid(
            "MalformedXML",
            "parts",
            "complete needs at least one part",
        ));
    }
    let mut last = 0;
    for p in parts {
        if p.part_number == 0 || p.part_number > MAX_PARTS {
            return Err(Error::invalid(
                "InvalidPartNumber",
                "parts",
                format!("part number {} is outside 1 to {MAX_PARTS}", p.part_number),
            ));
        }
        if p.part_number <= last {
            return Err(Error::invalid(
                "InvalidPartOrder",
                "parts",
                format!(
                    "parts must be listed ascending and once each: {} comes after {last}",
                    p.part_number
                ),
            ));
        }
        last = p.part_number;
        if p.etag.trim_matches('"').is_empty() {
            return Err(Error::invalid(
                "InvalidPart",
                "parts",
                format!("part {} has no ETag", p.part_number),
            ));
        }
        if p.checksum.is_some() && algorithm.is_none() {
            return Err(Error::invalid(
                "InvalidRequest",
                "checksumAlgorithm",
                "part checksums need the upload's checksumAlgorithm",
            ));
        }
    }
    Ok(())
}

/// The ETag as S3 lists it: in double quotes.
pub fn quoted_etag(etag: &str) -> String {
    format!("\"{}\"", etag.trim().trim_matches('"'))
}

/// The body S3 (and OBS) take: `<?xml…?><CompleteMultipartUpload xmlns="…"><Part>[<ChecksumX>]
/// <ETag/><PartNumber/></Part>…`, elements in the order the AWS SDK writes them.
pub fn s3_body(parts: &[CompletedPart], algorithm: Option<ChecksumAlgorithm>) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">",
    );
    for p in parts {
        out.push_str("<Part>");
        if let (Some(a), Some(c)) = (algorithm, &p.checksum) {
            element(&mut out, a.element(), c);
        }
        element(&mut out, "ETag", &quoted_etag(&p.etag));
        element(&mut out, "PartNumber", &p.part_number.to_string());
        out.push_str("</Part>");
    }
    out.push_str("</CompleteMultipartUpload>");
    out
}

/// The body OSS takes (no namespace; PartNumber before ETag, as its documentation shows), byte
/// for byte what ali-oss `completeMultipartUpload` sends: one element per line and the ETag's
/// quotes literal (`<ETag>"3349…"</ETag>`, as in the document's example), so a Content-MD5 over
/// it is the SDK's. Only `&`, `<` and `>` are escaped (text content needs no more).
pub fn oss_body(parts: &[CompletedPart]) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUpload>\n");
    for p in parts {
        out.push_str("<Part>\n");
        out.push_str(&format!("<PartNumber>{}</PartNumber>\n", p.part_number));
        out.push_str("<ETag>");
        for c in quoted_etag(&p.etag).chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
        }
        out.push_str("</ETag>\n</Part>\n");
    }
    out.push_str("</CompleteMultipartUpload>");
    out
}

fn element(out: &mut String, name: &str, text: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#x0D;"),
            '\n' => out.push_str("&#x0A;"),
            c => out.push(c),
        }
    }
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}
