/// The seed messages of `Scripts/test-server/seed`, embedded so `demo` works on a fresh clone
/// without the repository's files. Generated from the `.eml` files (LF line ends, served with
/// CRLF); `SeedMessagesTests` fails when the two drift apart.
enum EmbeddedSeed {
    /// `(file name, text)` in file-name order, which is mailbox order (message 1 is `01.eml`).
    static let messages: [(name: String, text: String)] = [
        ("01.eml", #"""
Return-Path: <alice@example.test>
From: Alice Example <alice@example.test>
To: MailGauge User <user@example.test>
Subject: Seed 01: plain text
Date: Mon, 01 Jan 2024 10:00:00 +0000
Message-ID: <seed-01.plain@mailgauge.test>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit

Hello from MailGauge.

This is the first seed message: a simple plain-text body
with a few short lines.

-- 
Alice

"""#),
        ("02.eml", #"""
Return-Path: <bob@example.test>
From: Bob Example <bob@example.test>
To: MailGauge User <user@example.test>
Subject: Seed 02: dot-stuffing
Date: Mon, 01 Jan 2024 11:00:00 +0000
Message-ID: <seed-02.dots@mailgauge.test>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit

The next lines test POP3 byte-stuffing (RFC 1939 section 3).
.starts with one dot
..starts with two dots
.
...
end of dot tests; the line above is three dots.

"""#),
        ("03.eml", #"""
Return-Path: <carol@example.test>
From: Carol Example <carol@example.test>
To: MailGauge User <user@example.test>
Subject: Seed 03: multipart/alternative
Date: Mon, 01 Jan 2024 12:00:00 +0000
Message-ID: <seed-03.alternative@mailgauge.test>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="=_mg_alt_boundary_03"

This is a multi-part message in MIME format.

--=_mg_alt_boundary_03
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit

This is the plain-text alternative.
It says the same as the HTML part.

--=_mg_alt_boundary_03
Content-Type: text/html; charset=us-ascii
Content-Transfer-Encoding: 7bit

<html><body><p>This is the <b>HTML</b> alternative.</p><p>It says the same as the text part.</p></body></html>

--=_mg_alt_boundary_03--

"""#),
        ("04.eml", #"""
Return-Path: <dave@example.test>
From: Dave Example <dave@example.test>
To: MailGauge User <user@example.test>
Subject: Seed 04: attachment
Date: Mon, 01 Jan 2024 13:00:00 +0000
Message-ID: <seed-04.attachment@mailgauge.test>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=_mg_mixed_boundary_04"

--=_mg_mixed_boundary_04
Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit

Please find a small binary attachment (96 bytes, 0x00..0x5F).

--=_mg_mixed_boundary_04
Content-Type: application/octet-stream; name="bytes.bin"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="bytes.bin"

AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4
OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5f

--=_mg_mixed_boundary_04--

"""#),
        ("05.eml", #"""
Return-Path: <erin@example.test>
From: =?UTF-8?Q?Erin_M=C3=BCller?= <erin@example.test>
To: MailGauge User <user@example.test>
Subject: =?UTF-8?B?U2VlZCAwNTogR3LDvMOfZSBhdXMgWsO8cmljaA==?=
 =?UTF-8?B?IOKckyDigJQgZW5jb2RlZC13b3Jk?=
Date: Mon, 01 Jan 2024 14:00:00 +0000
Message-ID: <seed-05.folded@mailgauge.test>
References: <thread-root.0001@mailgauge.test> <thread-reply.0002@mailgauge.test>
 <thread-reply.0003@mailgauge.test> <thread-reply.0004@mailgauge.test>
 <thread-reply.0005@mailgauge.test> <thread-reply.0006@mailgauge.test>
X-MailGauge-Long-Header: This header is deliberately long so that it has to be
 folded over several lines; parsers must unfold it into a single logical
 header value while keeping the whitespace that starts each continuation
	line, including this one which is folded with a TAB character.
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Gr=C3=BC=C3=9Fe! This body is UTF-8, sent as quoted-printable.

"""#),
    ]
}
