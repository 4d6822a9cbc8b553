import { describe, expect, it } from 'vitest';
import { readPdfOutline } from '../../../server/reports/pdf-structure.ts';

/**
 * The shape Chromium (Skia) writes: a catalog naming the page tree and the named destinations,
 * intermediate /Pages nodes, a stream (skipped) between objects. Pages out of object order.
 */
const PDF = `%PDF-1.4
1 0 obj
<</Type /Catalog
/Pages 9 0 R
/Dests 10 0 R>>
endobj
2 0 obj
<</Type /Page
/Parent 7 0 R>>
endobj
3 0 obj
<</Length 20>>
stream
<</Type /Page>> junk
endstream
endobj
4 0 obj
<</Type /Page
/Parent 8 0 R>>
endobj
5 0 obj
<</Type /Page
/Parent 7 0 R>>
endobj
7 0 obj
<</Type /Pages
/Count 2
/Kids [5 0 R 2 0 R]>>
endobj
8 0 obj
<</Type /Pages
/Count 1
/Kids [4 0 R]>>
endobj
9 0 obj
<</Type /Pages
/Count 3
/Kids [7 0 R 8 0 R]>>
endobj
10 0 obj
<</title-summary [5 0 R /XYZ 0 828.63 0]
/title-zone-Z-HDY-01 [2 0 R /XYZ 0 828.63 0]
/title-zone-Z#2DX#E0#B8#81 [4 0 R /XYZ 0 828.63 0]>>
endobj
trailer
<</Root 1 0 R>>
%%EOF`;

describe('readPdfOutline', () => {
  it('numbers pages by the page tree and finds where each named destination lands', () => {
    const outline = readPdfOutline(Buffer.from(PDF, 'latin1'));
    expect(outline.pageCount).toBe(3);
    expect(Object.fromEntries(outline.destinations)).toEqual({
      'title-summary': 1,
      'title-zone-Z-HDY-01': 2,
      'title-zone-Z-Xก': 3,
    });
  });

  it('gives nothing for something that is not a PDF', () => {
    expect(readPdfOutline(Buffer.from('hello'))).toEqual({ pageCount: 0, destinations: new Map() });
  });
});
