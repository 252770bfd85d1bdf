//! The reader of [`GetOptions`] (`presignGet`).

use super::options::Target;
use super::{Obj, Value};
use crate::core::error::Error;
use crate::core::option_names::{GET, TARGET};
use crate::core::options::{default_put_expiry, GetOptions, ResponseOverrides};

impl GetOptions {
    pub fn read(v: &Value) -> Result<Self, Error> {
        let o = Obj::new(v, "", "options")?;
        o.only(&[TARGET, GET])?;
        let t = Target::read(&o, default_put_expiry())?;
        let traffic_limit = o.whole("trafficLimit", 0, "a whole number of bits per second")?;
        Ok(with_target!(GetOptions, t, {
            version_id: o.text("versionId")?,
            response: ResponseOverrides {
                content_type: o.text("responseContentType")?,
                content_language: o.text("responseContentLanguage")?,
                expires: o.text("responseExpires")?,
                cache_control: o.text("responseCacheControl")?,
                content_disposition: o.text("responseContentDisposition")?,
                content_encoding: o.text("responseContentEncoding")?,
            },
            traffic_limit: traffic_limit.map(|n| n as u64),
        }))
    }
}
