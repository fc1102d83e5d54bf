// A minimal Excel workbook (.xlsx) writer for test files: an xlsx is a zip
// of a few XML parts; every cell is an inline string. No dependency beyond
// node's zlib.
import { crc32, deflateRawSync } from 'node:zlib';

const ENTITIES = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text) => String(text).replace(/[<>&"']/g, (c) => ENTITIES[c]);

/** The column letters of a zero-based index: 0 → A, 26 → AA. */
function columnLetter(index) {
  let letters = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) {
    letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  }
  return letters;
}

/** A worksheet of rows of text cells; an empty or missing cell is left out. */
function worksheetXml(rows) {
  const rowXml = rows.map((cells, r) => {
    const cellXml = cells.map((value, c) => (value === '' || value == null
      ? ''
      : `<c r="${columnLetter(c)}${r + 1}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`)).join('');
    return `<row r="${r + 1}">${cellXml}</row>`;
  }).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + `<sheetData>${rowXml}</sheetData></worksheet>`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts of a workbook whose sheets are `[{ name, rows }]`, in tab order. */
function workbookParts(sheets) {
  const sheetPath = (i) => `xl/worksheets/sheet${i + 1}.xml`;
  return [
    ['[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`
      + `<Default Extension="xml" ContentType="application/xml"/>`
      + `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`
      + sheets.map((_, i) => `<Override PartName="/${sheetPath(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
      + '</Types>'],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">`
      + `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>`
      + sheets.map(({ name }, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
      + '</sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">`
      + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
      + '</Relationships>'],
    ...sheets.map(({ rows }, i) => [sheetPath(i), worksheetXml(rows)]),
  ];
}

/** A zip archive of `[name, text]` entries, each deflated, with CRC-32s. */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    // Version needed 2.0, flag 0x0800 (UTF-8 names), method 8 (deflate), no date.
    const common = (header) => {
      header.writeUInt16LE(20, 0); header.writeUInt16LE(0x0800, 2); header.writeUInt16LE(8, 4);
      header.writeUInt16LE(0, 6); header.writeUInt16LE(0x21, 8); // 1980-01-01 00:00
      header.writeUInt32LE(crc, 10); header.writeUInt32LE(packed.length, 14);
      header.writeUInt32LE(data.length, 18); header.writeUInt16LE(nameBytes.length, 22);
      header.writeUInt16LE(0, 24);
      return header;
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local.subarray(4));
    locals.push(local, nameBytes, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    common(central.subarray(6));
    // comment length, disk, internal and external attributes: 0.
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An .xlsx file (bytes) of `sheets`: `[{ name, rows: [[cell, ...], ...] }]`. */
export function xlsx(sheets) {
  return zip(workbookParts(sheets));
}
