//! Amazon S3 and S3-compatible stores. (The single-request signers still live at the core's top
//! level — `post_form`, `presign`, `put_headers` — until the layout moves here.)

pub mod multipart;
pub mod presign;
pub mod presign_get;
