// The demo page's object options: which inputs each dialect and method shows, the allowed values
// it suggests, the options object sent to /sign, and validation errors shown next to their input.

const $ = (id) => document.getElementById(id);
const form = $('form');
const dialectSelect = $('dialect');
const methodSelect = $('method');
let metadataRows = 0; // metadata rows ever added, to label their Remove buttons

// Per dialect: the methods offered ([value "method-version", label]) and the option values
// the core accepts (src/core/object_options/: acl.rs, storage_class.rs, encryption.rs, worm.rs).
export const DIALECTS = {
  s3: {
    name: 'S3',
    methods: [
      ['post-v4', 'POST form (SigV4)'],
      ['post-v2', 'POST form (SigV2)'],
      ['put-v4', 'Presigned PUT (SigV4)'],
      ['put-v2', 'Presigned PUT (SigV2)'],
      ['header-v4', 'PUT with an Authorization header (SigV4)'],
      ['multipart', 'Multipart upload (SigV4; the backend signs every request)'],
    ],
    acl: ['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read',
      'bucket-owner-read', 'bucket-owner-full-control'],
    storageClass: ['STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING',
      'GLACIER', 'DEEP_ARCHIVE', 'OUTPOSTS', 'GLACIER_IR', 'SNOW', 'EXPRESS_ONEZONE', 'FSX_OPENZFS', 'FSX_ONTAP'],
    sse: ['AES256', 'aws:kms', 'aws:kms:dsse', 'aws:fsx'],
    lockModes: ['GOVERNANCE', 'COMPLIANCE'],
    metadata: 'Sent as x-amz-meta-<name>; at most 2 KB of names and values.',
  },
  oss: {
    name: 'OSS',
    methods: [
      ['post-v4', 'POST form (OSS V4, OSS4-HMAC-SHA256)'],
      ['post-v2', 'POST form (OSS V1, HMAC-SHA1)'],
      ['put-v4', 'Presigned PUT (OSS V4)'],
      ['put-v2', 'Presigned PUT (OSS V1)'],
      ['header-v4', 'PUT with an Authorization header (OSS V4)'],
      ['header-v2', 'PUT with an Authorization header (OSS V1)'],
    ],
    acl: ['private', 'public-read', 'public-read-write', 'default'],
    storageClass: ['Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive'],
    sse: ['AES256', 'KMS'],
    lockModes: [],
    metadata: 'Sent as x-oss-meta-<name>: letters, digits and hyphens, lowercased; at most 8 KB.',
  },
  obs: {
    name: 'OBS',
    methods: [
      ['post-v2', 'POST form (OBS signature)'],
      ['put-v2', 'Presigned PUT (OBS signature)'],
      ['header-v2', 'PUT with an Authorization header (OBS signature)'],
    ],
    acl: ['private', 'public-read', 'public-read-write', 'bucket-owner-full-control'],
    storageClass: ['STANDARD', 'STANDARD_IA', 'GLACIER', 'DEEP_ARCHIVE'],
    sse: ['kms', 'AES256'],
    lockModes: ['COMPLIANCE'],
    metadata: 'Sent as x-obs-meta-<name>; at most 2 KB of names and values.',
  },
  cms: {
    name: 'CMS',
    methods: [['header-v4', 'PUT with the Authentication token']],
    acl: [],
    storageClass: [],
    sse: [],
    lockModes: [],
    metadata: 'Sent as x-cms-meta-<name>; at most 8 KB of names and values.',
  },
};

// Options sent as they are typed (trimmed), when their row is shown and not blank.
const TEXT_OPTIONS = ['cacheControl', 'contentDisposition', 'contentEncoding', 'expires', 'acl', 'storageClass',
  'tagging', 'serverSideEncryption', 'serverSideEncryptionKeyId', 'serverSideDataEncryption',
  'sseCustomerAlgorithm', 'websiteRedirectLocation', 'objectLockMode', 'objectLockRetainUntilDate',
  'successActionStatus', 'successActionRedirect'];

/**
 * Rebuilds the methods, suggestions and help for the dialect chosen. `config` is `/config`: with
 * `remote`, requests of every dialect are sent; else only S3 ones (the local bucket).
 */
export function dialectChanged(config = {}) {
  const sends = (dialect) => dialect === 's3' || config.remote === true;
  const dialect = dialectSelect.value;
  const d = DIALECTS[dialect];
  const previous = methodSelect.value;
  methodSelect.replaceChildren(...d.methods.map(([value, label]) => new Option(label, value)));
  if (d.methods.some(([value]) => value === previous)) methodSelect.value = previous;
  fillChoices('acl', d.acl, `${d.name}: ${d.acl.join(', ')}.`);
  fillChoices('storageClass', d.storageClass, `${d.name}: ${d.storageClass.join(', ')}.`
    + (dialect === 'obs' ? ' STANDARD_IA and GLACIER are sent as WARM and COLD.' : ''));
  fillSelect('serverSideEncryption', d.sse);
  fillSelect('objectLockMode', d.lockModes);
  $('metadata-help').textContent = d.metadata;
  $('dialect-help').textContent = dialect === 's3'
    ? 'Signed by the backend for the bucket above, which checks every signature.'
    : sends(dialect)
      ? `Signed by the backend for the remote endpoint ${config.bucketEndpoint ?? ''} and sent there.`
      : `The local bucket speaks only S3. For ${d.name} the backend signs the request for ${d.name}'s `
        + 'public endpoint with the demo credentials, and this page shows what it would send '
        + '(method, URL, headers or form fields, signature) without sending it. '
        + 'Start the server with --remote-endpoint to send it to a real bucket.';
  showOptionsFor();
}

/**
 * Shows the rows (`data-for="s3 oss:post …"`) that apply to the dialect and method chosen: the
 * form's, and the page's method-specific output (the multipart progress, the Content-MD5 step).
 */
export function showOptionsFor() {
  const dialect = dialectSelect.value;
  const method = methodSelect.value.split('-')[0];
  for (const el of document.querySelectorAll('[data-for]')) {
    const tokens = el.dataset.for.split(' ');
    el.hidden = !(tokens.includes(dialect) || tokens.includes(`${dialect}:${method}`));
  }
}

function fillChoices(id, values, help) {
  $(`${id}-values`).replaceChildren(...values.map((v) => new Option(v, v)));
  $(`${id}-help`).textContent = values.length ? `Allowed for ${help}` : '';
}

function fillSelect(id, values) {
  const select = $(id);
  const previous = select.value;
  select.replaceChildren(new Option('(none)', ''), ...values.map((v) => new Option(v, v)));
  if (values.includes(previous)) select.value = previous;
}

export function addMetadataRow(name = '', value = '') {
  const n = ++metadataRows;
  const li = document.createElement('li');
  li.innerHTML = `
    <label>Name <input type="text" class="meta-name" autocomplete="off" spellcheck="false"></label>
    <label>Value <input type="text" class="meta-value" autocomplete="off" spellcheck="false"></label>
    <button type="button" class="meta-remove">Remove</button>`;
  li.querySelector('.meta-name').value = name;
  li.querySelector('.meta-value').value = value;
  li.querySelector('.meta-remove').setAttribute('aria-label', `Remove metadata row ${n}`);
  li.querySelector('.meta-remove').addEventListener('click', () => {
    li.remove();
    $('metadata-add').focus();
  });
  $('metadata-rows').append(li);
  return li;
}


export const shown = (el) => el && !el.closest('[hidden]');

/** The typed object options of the form, as the core names them (see ObjectOptions). */
export function objectOptions(file, dialect) {
  const o = { contentType: $('contentType').value.trim() || file.type || 'application/octet-stream' };
  for (const id of TEXT_OPTIONS) {
    const value = shown($(id)) ? $(id).value.trim() : '';
    if (value) o[id] = value;
  }
  // A key is used as typed (never trimmed) and never displayed.
  if (shown($('sseCustomerKey')) && $('sseCustomerKey').value) o.sseCustomerKey = $('sseCustomerKey').value;
  if (shown($('forbidOverwrite')) && $('forbidOverwrite').checked) o.forbidOverwrite = true;
  const metadata = {};
  let any = false;
  for (const li of $('metadata-rows').children) {
    const name = li.querySelector('.meta-name').value.trim();
    const value = li.querySelector('.meta-value').value;
    if (!name && !value) continue;
    metadata[name] = value; // an empty name is the core's to refuse, naming the field
    any = true;
  }
  if (any) o.metadata = metadata;
  if (dialect === 'oss' && shown($('callbackUrl'))) {
    const [url, body, type] = ['callbackUrl', 'callbackBody', 'callbackContentType'].map((id) => $(id).value.trim());
    if (url || body) o.callback = { url, body, ...(type ? { contentType: type } : {}) };
  }
  if (dialect === 'cms' && shown($('cmsCallback'))) {
    if ($('isEncrypt').value) o.isEncrypt = $('isEncrypt').value === 'true';
    if ($('cmsCallback').value.trim()) o.callback = $('cmsCallback').value.trim();
  }
  return o;
}


/** The input (or group) an error's `field` names: an option, `metadata.<name>`, `callback.url`, … */
function fieldElement(field) {
  if (field.startsWith('metadata') || /-meta-/i.test(field)) {
    const name = field.startsWith('metadata.') ? field.slice('metadata.'.length) : null;
    const row = [...$('metadata-rows').children].find((li) => li.querySelector('.meta-name').value.trim() === name);
    return { input: row?.querySelector('.meta-name') ?? $('metadata'), box: $('metadata') };
  }
  const alias = {
    'callback.url': 'callbackUrl',
    'callback.body': 'callbackBody',
    'callback.contentType': 'callbackContentType',
    callback: dialectSelect.value === 'cms' ? 'cmsCallback' : 'callbackUrl',
    version: 'method',
    'credentials.sessionToken': 'dialect',
  };
  const input = $(alias[field] ?? field);
  return input && form.contains(input) ? { input, box: input.closest('.row') } : null;
}

/** Shows `text` next to the input `field` names; returns the input's label, or null. */
export function showFieldError(field, text) {
  const found = fieldElement(field);
  if (!found || !shown(found.box)) return null;
  const { input, box } = found;
  const details = box.closest('details');
  if (details) details.open = true;
  const note = document.createElement('p');
  note.className = 'field-error';
  note.id = `${input.id || box.id}-error`;
  note.dataset.field = field;
  note.textContent = text;
  box.append(note);
  input.setAttribute('aria-invalid', 'true');
  input.dataset.describedBy = input.getAttribute('aria-describedby') ?? '';
  input.setAttribute('aria-describedby', `${input.dataset.describedBy} ${note.id}`.trim());
  input.focus();
  return box.querySelector('label, .label')?.textContent.trim() ?? field;
}

export function clearFieldErrors() {
  for (const note of form.querySelectorAll('.field-error')) note.remove();
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    if (input.dataset.describedBy) input.setAttribute('aria-describedby', input.dataset.describedBy);
    else input.removeAttribute('aria-describedby');
    delete input.dataset.describedBy;
  }
}

