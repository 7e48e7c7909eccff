//! Story templates of the generator, written for this project.
//!
//! A template is plain text with two kinds of slots, expanded by
//! [`super::Story::expand`]:
//! - `{KEY}`: a value of the article (partner name, people, dates, numbers, word pools);
//! - `[a|b|c]`: one of the alternatives, uniformly (not nested).
//!
//! Keys: `P` partner name, `P2` second partner, `PC` partner capital, `PO`/`POS` partner
//! official (full/short), `ORG`/`ORGS` organisation (long/short), `N0`..`N9` Indonesian
//! officials (full names) and `S0`..`S9` (short), `DAY` weekday and date of the event in the
//! publisher's style, `WD` weekday, `CITY` Indonesian city, `VENUE` where a meeting took
//! place, `Y` year, `PY` an earlier year, `NY` next year, `PM` a month, `N` a small number,
//! `NN` a larger one, `RP` an amount of money, `AGE` an age, `INI` initials, `G`/`GS`
//! group (long/short), `X` a country named only as a place, `KS` `kerja sama` or
//! `kerjasama`, `ME` a `me-` verb, `NOUN` a noun, `ADJ` an adjective, `ORD` an ordinal,
//! `UU` the terrorism law in force.
//!
//! Roles of `N0`..`N9`: 0 Kepala BNPT, 1 Kepala Densus 88, 2 Deputi Kerja Sama
//! Internasional BNPT, 3 Menko Polhukam, 4 Menlu, 5 Kepala PPATK, 6 Ketua LPSK, 7 police
//! spokesperson, 8 Direktur Deradikalisasi BNPT, 9 an observer.

/// What kind of counterpart a topic has.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Counterpart {
    /// Domestic story: no partner country, no partner organisation.
    None,
    /// One partner country (sometimes two).
    Country,
    /// An international organisation, sometimes with a partner country met on the sidelines.
    Org,
}

/// One kind of story.
pub(crate) struct Topic {
    pub name: &'static str,
    pub weight: u32,
    pub counterpart: Counterpart,
    pub titles: &'static [&'static str],
    pub leads: &'static [&'static str],
    pub sentences: &'static [&'static str],
    pub quotes: &'static [&'static str],
}

/// Sentences usable in any story: no country named.
pub(crate) const GENERIC: &[&str] = &[
    "Menurut dia, ancaman terorisme saat ini bergerak semakin cepat seiring perkembangan teknologi informasi.",
    "Ia menambahkan, pendekatan lunak dan pendekatan keras harus berjalan beriringan agar hasilnya {ADJ}.",
    "Dalam beberapa tahun terakhir, pola serangan bergeser dari kelompok besar ke pelaku tunggal yang teradikalisasi secara daring.",
    "Pemerintah, lanjut dia, terus {ME} {NOUN} dengan melibatkan tokoh agama, akademisi, dan organisasi masyarakat sipil.",
    "Upaya {NOUN} tidak bisa hanya dibebankan kepada aparat keamanan, tetapi juga membutuhkan peran keluarga dan sekolah.",
    "Data yang dihimpun menunjukkan sedikitnya {NN} orang telah ditangkap terkait tindak pidana terorisme sejak {PY}.",
    "Perempuan dan anak muda disebut menjadi kelompok yang paling rentan terpapar paham radikal di media sosial.",
    "Ia juga mengingatkan masyarakat agar segera melapor apabila menemukan aktivitas mencurigakan di lingkungannya.",
    "Langkah tersebut sejalan dengan Rencana Aksi Nasional Pencegahan dan Penanggulangan Ekstremisme Berbasis Kekerasan (RAN PE).",
    "Sejumlah kementerian dan lembaga, termasuk Kementerian Agama, Kementerian Komunikasi dan Informatika, serta Polri, turut hadir dalam kegiatan itu.",
    "Menurut {N9}, pengamat terorisme dari sebuah universitas negeri di {CITY}, jaringan lama masih menyimpan kemampuan untuk bangkit kembali.",
    "{S9} menilai keberhasilan {NOUN} sangat bergantung pada konsistensi anggaran dan koordinasi antarlembaga.",
    "Ia menegaskan bahwa terorisme tidak terkait dengan agama, suku, atau bangsa mana pun.",
    "Pendanaan kelompok teror kini banyak memanfaatkan dompet digital, kotak amal, dan aset kripto.",
    "Aparat juga memperketat pengawasan terhadap penyebaran konten bermuatan kekerasan menjelang tahun politik.",
    "Program tersebut menyasar {NN} desa yang dinilai memiliki kerentanan tinggi terhadap paham intoleran.",
    "Menurut catatan aparat, sebagian pelaku mempelajari cara merakit bahan peledak dari video di internet.",
    "Pemerintah daerah diminta aktif {ME} program pencegahan hingga tingkat kelurahan.",
    "Ia berharap sinergi seluruh pemangku kepentingan dapat terus dijaga sehingga {NOUN} berjalan {ADJ}.",
    "Kegiatan ditutup dengan diskusi kelompok dan penyusunan rekomendasi bersama.",
    "Selain itu, aparat menyoroti peningkatan {NOUN} di kalangan pelajar dan mahasiswa.",
    "Penanganan terorisme di Indonesia kini berpijak pada {UU} yang memberi kewenangan lebih luas di bidang pencegahan.",
    "Sepanjang tahun lalu, tercatat {N} rencana serangan berhasil digagalkan sebelum dilaksanakan.",
    "Para peserta juga diajak mengenali tanda-tanda awal radikalisasi pada anggota keluarga dan rekan kerja.",
    "Ia mengakui masih ada pekerjaan rumah, terutama dalam hal {NOUN} dan {NOUN}.",
    "Pemerintah, kata dia, tidak akan memberi ruang bagi kelompok yang mengusung kekerasan atas nama apa pun.",
    "Sinergi tersebut diharapkan mampu memperkecil ruang gerak jaringan teror di dalam negeri.",
    "Hingga kini, aparat masih mendalami kemungkinan keterlibatan pihak lain dalam jaringan tersebut.",
    "Penyuluhan serupa rencananya digelar di {N} provinsi lain hingga akhir tahun.",
    "Pihaknya juga mengoptimalkan peran forum koordinasi pencegahan terorisme (FKPT) di daerah.",
    "Ia menyebut ideologi kekerasan sebagai ancaman yang bersifat lintas batas dan terus berubah bentuk.",
    "Diskusi turut membahas tantangan {NOUN} di wilayah kepulauan dengan garis pantai yang panjang.",
];

/// Sentences about a partner country: `{P}` is the counterpart.
pub(crate) const GENERIC_PARTNER: &[&str] = &[
    "Indonesia dan {P} sepakat untuk terus {ME} {NOUN} di tingkat bilateral maupun regional.",
    "Kedua negara juga membahas peluang {KS} teknis di bidang {NOUN} dan {NOUN}.",
    "Menurut dia, hubungan Indonesia-{P} di bidang keamanan selama ini berjalan {ADJ}.",
    "Sebelumnya, Indonesia dan {P} telah menandatangani nota kesepahaman di bidang penanggulangan terorisme pada {PM} {PY}.",
    "Pihak {P} menyatakan siap berbagi pengalaman dalam {NOUN} dengan aparat Indonesia.",
    "{KS} dengan {P} mencakup pertukaran informasi intelijen, pelatihan penyidik, dan dukungan peralatan.",
    "Pertemuan berikutnya dijadwalkan berlangsung di {PC} pada {NY}.",
    "Ia menilai {P} sebagai mitra penting Indonesia dalam menghadapi ancaman terorisme lintas negara.",
    "Kedua delegasi juga bertukar pandangan mengenai perkembangan ancaman di kawasan.",
    "Delegasi {P} dipimpin oleh {PO}, sementara delegasi Indonesia dipimpin {N2}.",
    "{POS} mengapresiasi capaian Indonesia dalam menekan jumlah serangan teror dalam beberapa tahun terakhir.",
    "Dalam kesempatan itu, kedua pihak menyepakati penyusunan rencana aksi bersama untuk periode {Y}-{NY}.",
    "Kedua negara berkomitmen memperluas {KS} hingga ke bidang {NOUN}.",
    "Pemerintah {P}, kata dia, menawarkan beasiswa pendidikan singkat bagi aparat penegak hukum Indonesia.",
    "{KS} Indonesia dan {P} dinilai menjadi contoh kemitraan yang {ADJ} di bidang keamanan.",
];

/// Sentences about an organisation: `{ORGS}` is the counterpart.
pub(crate) const GENERIC_ORG: &[&str] = &[
    "Indonesia menegaskan komitmennya untuk berperan aktif dalam agenda {ORGS} di bidang penanggulangan terorisme.",
    "Menurut dia, {KS} multilateral melalui {ORGS} melengkapi kemitraan bilateral yang sudah ada.",
    "Pertemuan tersebut dihadiri delegasi dari {NN} negara anggota dan sejumlah organisasi mitra.",
    "{ORGS} menilai pengalaman Indonesia dalam deradikalisasi layak dibagikan kepada negara-negara lain.",
    "Forum itu juga membahas perlindungan sasaran rentan seperti tempat ibadah, sekolah, dan pusat keramaian.",
    "Delegasi Indonesia mendorong agar program {ORGS} lebih banyak menyentuh kebutuhan negara berkembang.",
    "Hasil pembahasan akan dituangkan dalam dokumen rekomendasi yang disampaikan kepada negara-negara anggota.",
    "Sejumlah program peningkatan kapasitas dari {ORGS} akan dilaksanakan di Indonesia pada {NY}.",
];

/// Quotes (a closing attribution is added by the generator).
pub(crate) const GENERIC_QUOTES: &[&str] = &[
    "\"Tidak ada satu negara pun yang mampu menghadapi terorisme sendirian,\" [kata|ujar|tutur|tegas] {S0}.",
    "\"Pencegahan harus dimulai dari hulu, dari keluarga, dari sekolah, dari lingkungan terdekat,\" [kata|ujar|jelas] {S0}.",
    "\"Kami terus {ME} {NOUN} agar masyarakat merasa aman,\" [kata|ujar|ungkap] {S1}.",
    "\"Ancaman ini nyata dan terus berevolusi, sehingga respons kita juga harus adaptif,\" [kata|tutur] {S3}.",
    "\"Yang kita hadapi adalah ideologi, dan ideologi hanya bisa dilawan dengan gagasan yang lebih kuat,\" [ujar|kata] {S8}.",
    "\"Kami mengajak seluruh elemen bangsa untuk tidak memberi ruang bagi paham kekerasan,\" [kata|tegas] {S0}.",
    "\"Pelaku sekarang lebih banyak belajar sendiri dari internet, ini yang harus kita waspadai,\" [kata|ujar] {S9}.",
];

/// Quotes in partner stories.
pub(crate) const PARTNER_QUOTES: &[&str] = &[
    "\"{P} adalah mitra strategis, dan {KS} ini akan kami tingkatkan ke tahap yang lebih konkret,\" [kata|ujar|tutur] {S0}.",
    "\"Kami menghargai kepemimpinan Indonesia dalam pencegahan ekstremisme di kawasan,\" [kata|ujar] {POS}.",
    "\"Pertukaran informasi yang cepat adalah kunci, dan dengan {P} hal itu sudah berjalan baik,\" [ujar|kata] {S2}.",
    "\"Kami ingin belajar dari pengalaman Indonesia dalam program deradikalisasi,\" [kata|tutur] {POS}.",
    "\"Hubungan kedua negara sudah terjalin lama dan akan terus kami perkuat,\" [kata|ucap] {POS} melalui penerjemah.",
];

use Counterpart as C;

/// The topics, with weights.
pub(crate) const TOPICS: &[Topic] = &[
    Topic {
        name: "bilateral",
        weight: 16,
        counterpart: C::Country,
        titles: &[
            "BNPT dan {P} Perkuat {KS} Penanggulangan Terorisme",
            "Indonesia-{P} Sepakat Tingkatkan {KS} Kontra Terorisme",
            "Kepala BNPT Terima Delegasi {P}, Bahas Ancaman Ekstremisme",
            "RI dan {P} Bahas Pertukaran Informasi Intelijen",
            "Pertemuan Bilateral, Indonesia dan {P} Soroti Radikalisasi Daring",
            "{P} Dukung Upaya Indonesia Cegah Terorisme",
        ],
        leads: &[
            "Badan Nasional Penanggulangan Terorisme (BNPT) dan pemerintah {P} sepakat memperkuat {KS} dalam penanggulangan terorisme dan ekstremisme berbasis kekerasan, [kata|ungkap] Kepala BNPT Komjen Pol {N0} di {VENUE}, {DAY}.",
            "Kepala BNPT Komjen Pol {N0} menerima kunjungan delegasi {P} yang dipimpin {PO} di kantor BNPT, {CITY}, {DAY}, untuk membahas peningkatan {KS} kontra terorisme.",
            "Indonesia dan {P} menggelar pertemuan bilateral di {VENUE}, {DAY}, guna {ME} {NOUN} di antara kedua negara.",
            "Pemerintah Indonesia melalui BNPT kembali menegaskan pentingnya {KS} dengan {P} dalam menghadapi ancaman terorisme yang semakin kompleks, {DAY}.",
        ],
        sentences: &[
            "Pertemuan berlangsung selama {N} jam dan membahas sejumlah isu, mulai dari radikalisasi daring hingga pengawasan perbatasan.",
            "Kedua pihak juga menyinggung perkembangan kelompok {G} yang masih aktif merekrut anggota baru.",
            "{S0} menyampaikan bahwa Indonesia telah {ME} berbagai program pencegahan berbasis komunitas.",
            "Delegasi {P} menyatakan ketertarikan untuk mempelajari model pendampingan mantan narapidana terorisme di Indonesia.",
            "Kedua negara sepakat menindaklanjuti pertemuan itu melalui pertemuan tingkat teknis dalam waktu dekat.",
            "Deputi Bidang Kerja Sama Internasional BNPT {N2} menjelaskan, hasil pertemuan akan dituangkan dalam rencana kerja tahunan.",
            "Isu perlindungan objek vital dan keamanan penerbangan juga menjadi bahasan dalam pertemuan tersebut.",
        ],
        quotes: PARTNER_QUOTES,
    },
    Topic {
        name: "mou",
        weight: 10,
        counterpart: C::Country,
        titles: &[
            "Indonesia dan {P} Teken Nota Kesepahaman Penanggulangan Terorisme",
            "RI-{P} Tandatangani MoU {KS} Kontra Terorisme",
            "BNPT dan {P} Perpanjang Nota Kesepahaman",
            "MoU Baru, Indonesia dan {P} Perluas {KS} Keamanan",
        ],
        leads: &[
            "Indonesia dan {P} menandatangani nota kesepahaman (MoU) {KS} penanggulangan terorisme di {VENUE}, {DAY}.",
            "Pemerintah Indonesia dan {P} resmi memperbarui nota kesepahaman di bidang kontra terorisme yang ditandatangani Kepala BNPT Komjen Pol {N0} dan {PO} di {VENUE}, {DAY}.",
            "Badan Nasional Penanggulangan Terorisme (BNPT) meneken nota kesepahaman dengan {P} untuk {ME} {NOUN}, {DAY}.",
        ],
        sentences: &[
            "Nota kesepahaman tersebut berlaku selama {N} tahun dan dapat diperpanjang atas kesepakatan kedua pihak.",
            "Ruang lingkup MoU meliputi pertukaran informasi, peningkatan kapasitas, penelitian bersama, serta {NOUN}.",
            "Penandatanganan disaksikan oleh Menteri Luar Negeri {N4} dan pejabat kedutaan besar {P}.",
            "MoU ini merupakan pembaruan dari kesepakatan sebelumnya yang ditandatangani pada {PY}.",
            "Sebagai tindak lanjut, kedua pihak akan membentuk tim teknis yang bertemu sedikitnya dua kali setahun.",
            "Menurut {S2}, MoU tersebut memberikan dasar hukum yang lebih kuat bagi {KS} operasional di lapangan.",
            "Dokumen itu juga mengatur {NOUN} dan perlindungan data pribadi dalam pertukaran informasi.",
        ],
        quotes: PARTNER_QUOTES,
    },
    Topic {
        name: "jwg",
        weight: 9,
        counterpart: C::Country,
        titles: &[
            "JWG Indonesia-{P} Bahas Ancaman Teror Terkini",
            "Indonesia dan {P} Gelar Joint Working Group Kontra Terorisme {ORD}",
            "BNPT Pimpin Delegasi RI di JWG Penanggulangan Terorisme dengan {P}",
        ],
        leads: &[
            "Indonesia dan {P} menggelar pertemuan {ORD} Joint Working Group (JWG) on Counter-Terrorism di {VENUE}, {DAY}, untuk memperkuat {KS} kedua negara.",
            "Badan Nasional Penanggulangan Terorisme (BNPT) bersama delegasi {P} menyelenggarakan kelompok kerja bersama (JWG) {ORD} penanggulangan terorisme secara hibrida, {DAY}.",
        ],
        sentences: &[
            "JWG merupakan forum rutin yang disepakati kedua negara untuk meninjau pelaksanaan {KS} kontra terorisme.",
            "Pertemuan sebelumnya berlangsung di {PC} pada {PM} {PY}.",
            "Agenda pertama membahas perkembangan ancaman di tingkat nasional, regional, dan global.",
            "Agenda kedua menyoroti inisiatif kedua pihak di forum regional dan multilateral.",
            "Agenda ketiga membahas peluang {KS} teknis, termasuk pelatihan penyidik dan analis intelijen.",
            "Delegasi Indonesia terdiri atas perwakilan BNPT, Densus 88, Kementerian Luar Negeri, Kemenko Polhukam, PPATK, dan LPSK.",
            "Dari pihak {P}, hadir perwakilan kedutaan besar serta kementerian dalam negeri dan kepolisian.",
            "JWG berikutnya disepakati akan berlangsung di {PC}.",
        ],
        quotes: PARTNER_QUOTES,
    },
    Topic {
        name: "ambassador",
        weight: 10,
        counterpart: C::Country,
        titles: &[
            "Dubes {P} Kunjungi BNPT, Bahas {KS} Pencegahan Terorisme",
            "Kepala BNPT Terima Kunjungan Duta Besar {P}",
            "Menko Polhukam Bertemu Dubes {P}, Bahas Keamanan Kawasan",
            "Duta Besar {P} untuk Indonesia Apresiasi Program Deradikalisasi",
        ],
        leads: &[
            "Duta Besar {P} untuk Indonesia {PO} melakukan kunjungan kehormatan kepada Kepala BNPT Komjen Pol {N0} di {CITY}, {DAY}.",
            "Menko Polhukam {N3} menerima Duta Besar {P} {PO} di kantornya di Jakarta, {DAY}, untuk membahas {KS} di bidang keamanan dan penanggulangan terorisme.",
            "Dubes {P} {PO} menyambangi kantor Badan Nasional Penanggulangan Terorisme (BNPT) di Sentul, Bogor, {DAY}, dalam rangka mempererat {KS} kedua negara.",
        ],
        sentences: &[
            "Dalam kunjungan itu, Dubes {POS} didampingi atase kepolisian dan sejumlah staf kedutaan.",
            "{POS} menyampaikan bahwa Kedutaan Besar {P} siap memfasilitasi pertemuan lanjutan dengan lembaga terkait di {PC}.",
            "Kedua pihak membahas rencana kunjungan pejabat tinggi {P} ke Indonesia dalam waktu dekat.",
            "Dubes {POS} juga menyempatkan diri meninjau pusat deradikalisasi milik BNPT di Sentul.",
            "Pertemuan berlangsung hangat dan ditutup dengan pertukaran cendera mata.",
            "Ia menyebut kedutaannya akan mendukung program pelatihan bagi aparat di daerah rawan.",
        ],
        quotes: PARTNER_QUOTES,
    },
    Topic {
        name: "training",
        weight: 9,
        counterpart: C::Country,
        titles: &[
            "{P} Latih Penyidik Densus 88 Tangani Kasus Terorisme",
            "Pelatihan Bersama Indonesia-{P} Tingkatkan Kapasitas Aparat",
            "Puluhan Aparat Ikuti Pelatihan Kontra Terorisme Dukungan {P}",
            "JCLEC Gelar Pelatihan Investigasi Pascaledakan bersama {P}",
        ],
        leads: &[
            "Sebanyak {NN} personel aparat penegak hukum mengikuti pelatihan peningkatan kapasitas penanganan terorisme yang digelar atas dukungan pemerintah {P} di {CITY}, {DAY}.",
            "Jakarta Centre for Law Enforcement Cooperation (JCLEC) bersama {P} menggelar pelatihan investigasi pascaledakan bagi penyidik Densus 88 di Semarang, {DAY}.",
            "Pemerintah {P} memberikan pelatihan {NOUN} kepada aparat Indonesia selama {N} hari, yang dibuka pada {DAY}.",
        ],
        sentences: &[
            "Materi pelatihan meliputi olah tempat kejadian perkara, analisis forensik digital, dan {NOUN}.",
            "Para instruktur berasal dari kepolisian dan lembaga penegak hukum {P}.",
            "Pelatihan ini merupakan angkatan ke-{N} sejak program serupa dimulai pada {PY}.",
            "Peserta berasal dari Densus 88, kejaksaan, lembaga pemasyarakatan, dan BNPT.",
            "Di akhir pelatihan, peserta mengikuti simulasi penanganan insiden di area publik.",
            "Pihak {P} juga menyerahkan bantuan peralatan forensik senilai {RP}.",
            "Menurut panitia, kurikulum pelatihan disusun bersama dengan mempertimbangkan kebutuhan lapangan di Indonesia.",
        ],
        quotes: PARTNER_QUOTES,
    },
    Topic {
        name: "multilateral",
        weight: 11,
        counterpart: C::Org,
        titles: &[
            "Indonesia Dorong Penguatan Peran {ORGS} dalam Kontra Terorisme",
            "Delegasi RI Hadiri Pertemuan {ORGS} di {VENUE}",
            "BNPT Perkuat {KS} dengan {ORGS}",
            "Di Forum {ORGS}, Indonesia Paparkan Program Deradikalisasi",
        ],
        leads: &[
            "Indonesia menghadiri pertemuan tingkat tinggi {ORG} tentang penanggulangan terorisme di {VENUE}, {DAY}.",
            "Badan Nasional Penanggulangan Terorisme (BNPT) memperkuat {KS} dengan {ORG} dalam pencegahan ekstremisme berbasis kekerasan, [kata|ujar] Kepala BNPT Komjen Pol {N0} di {VENUE}, {DAY}.",
            "Menteri Luar Negeri {N4} menegaskan komitmen Indonesia terhadap agenda {ORG} dalam sidang yang berlangsung di {VENUE}, {DAY}.",
        ],
        sentences: &[
            "Delegasi Indonesia dipimpin oleh Deputi Bidang Kerja Sama Internasional BNPT {N2}.",
            "Dalam paparannya, delegasi Indonesia menekankan pentingnya pendekatan yang menghormati hak asasi manusia.",
            "Indonesia juga mengusulkan penguatan jejaring pusat-pusat riset ekstremisme di kawasan.",
            "Pertemuan menyepakati rencana kerja dua tahunan untuk pencegahan radikalisasi di kalangan pemuda.",
            "{ORGS} berencana mengirim tim ke Indonesia untuk mengidentifikasi kebutuhan peningkatan kapasitas.",
            "Sidang juga membahas ancaman pendanaan teror melalui teknologi finansial baru.",
        ],
        quotes: GENERIC_QUOTES,
    },
    Topic {
        name: "arrest",
        weight: 14,
        counterpart: C::None,
        titles: &[
            "Densus 88 Tangkap {NA} Terduga Teroris di {CITY}",
            "Terduga Anggota {GS} Ditangkap di {CITY}",
            "Polri: Terduga Teroris yang Ditangkap di {CITY} Rencanakan Serangan",
            "Densus 88 Amankan Bahan Peledak dari Rumah Terduga Teroris",
            "Jaringan {GS} di {CITY} Dibongkar, {NA} Orang Diamankan",
        ],
        leads: &[
            "Detasemen Khusus (Densus) 88 Antiteror Polri menangkap {NA} terduga teroris di {CITY}, {DAY}.",
            "Tim Densus 88 Antiteror menangkap seorang terduga teroris berinisial {INI} ({AGE}) di {CITY}, {DAY}, yang diduga terafiliasi dengan kelompok {G} ({GS}).",
            "Polri mengungkap penangkapan {NA} terduga anggota jaringan {GS} di wilayah {CITY} dalam operasi yang berlangsung {DAY}.",
        ],
        sentences: &[
            "Penangkapan dilakukan tanpa perlawanan saat terduga pelaku keluar dari rumahnya.",
            "Dari lokasi, petugas menyita sejumlah barang bukti berupa bahan kimia, buku, telepon genggam, dan senjata tajam.",
            "Terduga pelaku diketahui aktif dalam grup percakapan yang menyebarkan propaganda kekerasan.",
            "{INI} diduga berperan sebagai perekrut dan pengumpul dana bagi kelompok {GS}.",
            "Polisi menduga kelompok tersebut merencanakan serangan terhadap pos polisi dan tempat ibadah.",
            "Saat ini para terduga pelaku masih menjalani pemeriksaan intensif oleh penyidik Densus 88.",
            "Salah satu tersangka pernah berangkat ke {X} untuk bergabung dengan kelompok bersenjata pada {PY}.",
            "Menurut penyidik, {INI} pernah mengikuti pelatihan militer di {X} sebelum kembali ke tanah air.",
            "Warga sekitar mengaku terkejut karena terduga pelaku dikenal ramah dan jarang bergaul.",
            "Penangkapan ini merupakan pengembangan dari penangkapan sebelumnya di {CITY2}.",
            "Kepala Biro Penerangan Masyarakat Divisi Humas Polri Brigjen Pol {N7} membenarkan penangkapan tersebut.",
            "Polisi memiliki waktu {N} hari untuk menentukan status hukum para terduga sesuai {UU}.",
        ],
        quotes: &[
            "\"Yang bersangkutan sudah kami amankan dan saat ini masih didalami perannya,\" [kata|ujar] {S7}.",
            "\"Kami imbau masyarakat tetap tenang dan tidak menyebarkan informasi yang belum terverifikasi,\" [kata|ujar] {S7}.",
            "\"Kelompok ini sudah kami pantau cukup lama,\" [kata|ungkap] {S1}.",
        ],
    },
    Topic {
        name: "trial",
        weight: 7,
        counterpart: C::None,
        titles: &[
            "Terdakwa Terorisme {INI} Divonis {NA} Tahun Penjara",
            "Hakim Jatuhkan Vonis kepada Anggota {GS}",
            "Jaksa Tuntut Terdakwa Kasus Bom {CITY} {NA} Tahun Penjara",
            "Sidang Kasus Terorisme {CITY} Hadirkan Saksi Ahli",
        ],
        leads: &[
            "Majelis hakim Pengadilan Negeri Jakarta Timur menjatuhkan vonis {NA} tahun penjara kepada terdakwa kasus terorisme berinisial {INI}, {DAY}.",
            "Jaksa penuntut umum menuntut terdakwa {INI} dengan hukuman {NA} tahun penjara dalam sidang di Pengadilan Negeri Jakarta Barat, {DAY}.",
            "Sidang lanjutan perkara terorisme dengan terdakwa {INI} ({AGE}) kembali digelar di Pengadilan Negeri Jakarta Timur, {DAY}.",
        ],
        sentences: &[
            "Terdakwa dinilai terbukti secara sah dan meyakinkan melakukan tindak pidana terorisme sebagaimana diatur dalam {UU}.",
            "Hal yang memberatkan, perbuatan terdakwa meresahkan masyarakat dan tidak mendukung program pemerintah.",
            "Hal yang meringankan, terdakwa bersikap sopan selama persidangan dan mengakui perbuatannya.",
            "Terdakwa disebut pernah berupaya berangkat ke {X} melalui jalur darat, namun gagal.",
            "Dalam dakwaan, jaksa menyebut terdakwa mengirimkan dana sebesar {RP} kepada jaringan {GS}.",
            "Atas putusan itu, terdakwa dan kuasa hukumnya menyatakan pikir-pikir.",
            "Sidang dengan agenda pembacaan pledoi dijadwalkan pekan depan.",
            "Saksi ahli dari BNPT menjelaskan pola perekrutan yang dilakukan jaringan terdakwa.",
        ],
        quotes: &[
            "\"Menjatuhkan pidana penjara terhadap terdakwa selama {NA} tahun,\" kata hakim ketua {N9} saat membacakan putusan.",
            "\"Kami akan mempelajari putusan ini terlebih dahulu,\" ujar kuasa hukum terdakwa usai sidang.",
        ],
    },
    Topic {
        name: "deradicalisation",
        weight: 8,
        counterpart: C::None,
        titles: &[
            "{NNA} Mantan Napiter Ikrar Setia kepada NKRI",
            "BNPT Dampingi Keluarga Mantan Narapidana Terorisme di {CITY}",
            "Program Deradikalisasi Sasar Warga Binaan di Lapas {CITY}",
            "Eks Kombatan Bagikan Kisah Keluar dari Jaringan Teror",
        ],
        leads: &[
            "Sebanyak {NNA} mantan narapidana terorisme di {CITY} menyatakan ikrar setia kepada Negara Kesatuan Republik Indonesia, {DAY}.",
            "Badan Nasional Penanggulangan Terorisme (BNPT) menggelar program deradikalisasi bagi warga binaan kasus terorisme di lembaga pemasyarakatan {CITY}, {DAY}.",
            "Direktur Deradikalisasi BNPT {N8} mengatakan pendampingan mantan narapidana terorisme terus diperluas hingga ke keluarga mereka, {DAY}.",
        ],
        sentences: &[
            "Program itu mencakup pembinaan wawasan kebangsaan, keagamaan, psikologi, dan kewirausahaan.",
            "Sebagian peserta kini membuka usaha bengkel, warung makan, dan peternakan dengan modal bantuan pemerintah.",
            "Seorang mantan kombatan yang pernah berada di {X} berbagi pengalaman tentang kekerasan yang ia saksikan di sana.",
            "BNPT juga melibatkan mitra deradikalisasi dari kalangan mantan pelaku yang sudah kembali ke masyarakat.",
            "Pendampingan dilakukan selama bertahun-tahun karena proses perubahan cara pandang tidak bisa instan.",
            "Anak-anak dari keluarga mantan narapidana juga mendapat bantuan pendidikan agar tidak terjerat paham yang sama.",
            "Ia menyebut angka residivisme di kalangan peserta program relatif kecil.",
        ],
        quotes: GENERIC_QUOTES,
    },
    Topic {
        name: "returnees",
        weight: 6,
        counterpart: C::Country,
        titles: &[
            "{NA} WNI Eks Simpatisan ISIS Dideportasi dari {P}",
            "Pemerintah Pulangkan Anak-Anak WNI dari Kamp di {X}",
            "BNPT dan {P} Bahas Penanganan Returnee dan Deportee",
        ],
        leads: &[
            "Sebanyak {NA} warga negara Indonesia yang diduga hendak bergabung dengan kelompok ISIS di {X} dideportasi oleh otoritas {P} dan tiba di Bandara Soekarno-Hatta, {DAY}.",
            "Pemerintah Indonesia bersama {P} membahas penanganan warga negara yang kembali dari wilayah konflik di {X} dan {X2}, {DAY}.",
        ],
        sentences: &[
            "Setibanya di tanah air, para deportan langsung menjalani pemeriksaan oleh Densus 88 dan asesmen oleh BNPT.",
            "Otoritas {P} menahan mereka di perbatasan setelah menerima informasi dari aparat Indonesia.",
            "Sebagian dari mereka adalah perempuan dan anak-anak yang dibawa oleh anggota keluarga.",
            "Para returnee akan mengikuti program rehabilitasi di rumah perlindungan milik Kementerian Sosial selama {N} bulan.",
            "Pemerintah mencatat masih ada ratusan WNI yang berada di kamp pengungsian di {X}.",
            "{KS} dengan {P} dalam pertukaran data perlintasan dinilai sangat membantu pencegahan keberangkatan.",
            "Foreign terrorist fighters (FTF) yang kembali dinilai berpotensi membawa pengalaman tempur dan jejaring baru.",
        ],
        quotes: PARTNER_QUOTES,
    },
    Topic {
        name: "financing",
        weight: 7,
        counterpart: C::Country,
        titles: &[
            "PPATK dan Lembaga Intelijen Keuangan {P} Perkuat Pertukaran Data",
            "Cegah Pendanaan Terorisme, Indonesia Gandeng {P}",
            "PPATK-{P} Teken Kesepakatan Penelusuran Aliran Dana Teror",
        ],
        leads: &[
            "Pusat Pelaporan dan Analisis Transaksi Keuangan (PPATK) memperkuat {KS} dengan lembaga intelijen keuangan {P} untuk mencegah pendanaan terorisme, [kata|ujar] Kepala PPATK {N5} di {VENUE}, {DAY}.",
            "Indonesia dan {P} sepakat meningkatkan pertukaran informasi transaksi keuangan mencurigakan yang terkait terorisme, {DAY}.",
        ],
        sentences: &[
            "PPATK mencatat {NN} laporan transaksi keuangan mencurigakan yang terindikasi terkait pendanaan terorisme sepanjang tahun lalu.",
            "Modus yang kerap digunakan antara lain penggalangan dana melalui yayasan, kotak amal, dan media sosial.",
            "Kedua lembaga akan menggelar analisis bersama atas aliran dana lintas negara.",
            "Menurut {S5}, nilai dana yang berhasil dibekukan mencapai {RP}.",
            "{KS} ini juga mencakup pelatihan analis keuangan dan pertukaran tipologi kasus.",
            "Penelusuran aset digital menjadi perhatian karena mulai dimanfaatkan jaringan teror.",
        ],
        quotes: PARTNER_QUOTES,
    },
    Topic {
        name: "financing-fatf",
        weight: 3,
        counterpart: C::Org,
        titles: &["Indonesia Resmi Jadi Anggota Penuh FATF", "PPATK: Penilaian FATF Jadi Momentum Benahi Rezim Antipendanaan Teror"],
        leads: &[
            "Kepala PPATK {N5} mengatakan penilaian bersama Financial Action Task Force (FATF) menjadi momentum memperkuat rezim antipendanaan terorisme di Indonesia, {DAY}.",
        ],
        sentences: &[
            "FATF menilai Indonesia telah membuat kemajuan berarti dalam penanganan pendanaan terorisme.",
            "Status keanggotaan di FATF dinilai meningkatkan kepercayaan investor terhadap sistem keuangan nasional.",
            "PPATK mencatat {NN} laporan transaksi keuangan mencurigakan yang terindikasi terkait pendanaan terorisme.",
            "Rekomendasi FATF antara lain menyangkut transparansi pemilik manfaat korporasi dan pengawasan organisasi nirlaba.",
        ],
        quotes: GENERIC_QUOTES,
    },
    Topic {
        name: "cyber",
        weight: 6,
        counterpart: C::None,
        titles: &[
            "Kominfo Blokir {NNA} Konten Propaganda Terorisme",
            "BNPT: Radikalisasi Daring Sasar Anak Muda",
            "Patroli Siber Temukan Ratusan Akun Penyebar Paham Kekerasan",
        ],
        leads: &[
            "Kementerian Komunikasi dan Informatika bersama BNPT memblokir {NNA} konten bermuatan propaganda terorisme di media sosial, {DAY}.",
            "Kepala BNPT Komjen Pol {N0} mengingatkan bahwa radikalisasi melalui internet kini menyasar anak-anak dan remaja, {DAY}.",
        ],
        sentences: &[
            "Konten tersebut antara lain berisi ajakan bergabung dengan kelompok bersenjata di {X}.",
            "Patroli siber dilakukan selama 24 jam dengan melibatkan analis dari berbagai lembaga.",
            "Pelaku propaganda kerap berpindah platform dan menggunakan bahasa sandi untuk menghindari deteksi.",
            "BNPT juga melatih {NN} duta damai dunia maya untuk memproduksi kontra-narasi.",
            "Orang tua diminta mengawasi aktivitas anak di internet dan mengenali perubahan perilaku.",
        ],
        quotes: GENERIC_QUOTES,
    },
    Topic {
        name: "victims",
        weight: 4,
        counterpart: C::None,
        titles: &[
            "LPSK Salurkan Kompensasi bagi Korban Terorisme",
            "{NNA} Korban Terorisme Masa Lalu Terima Kompensasi Negara",
        ],
        leads: &[
            "Lembaga Perlindungan Saksi dan Korban (LPSK) bersama BNPT menyerahkan kompensasi kepada {NNA} korban tindak pidana terorisme masa lalu di {CITY}, {DAY}.",
        ],
        sentences: &[
            "Total kompensasi yang disalurkan mencapai {RP}.",
            "Ketua LPSK {N6} mengatakan negara hadir untuk memulihkan hak-hak korban.",
            "Sebagian korban masih menjalani perawatan medis dan pendampingan psikologis hingga kini.",
            "Para korban berasal dari berbagai peristiwa serangan bom di Indonesia sejak awal 2000-an.",
            "Pengajuan kompensasi dibatasi waktu sesuai {UU}.",
        ],
        quotes: &[
            "\"Negara tidak boleh melupakan para korban,\" [kata|ujar] {S6}.",
            "\"Bantuan ini sangat berarti bagi keluarga kami,\" kata salah satu penyintas.",
        ],
    },
    Topic {
        name: "prison",
        weight: 4,
        counterpart: C::Country,
        titles: &[
            "Indonesia dan {P} Berbagi Pengalaman Pembinaan Napi Terorisme",
            "Petugas Lapas Belajar Penanganan Napiter bersama {P}",
        ],
        leads: &[
            "Direktorat Jenderal Pemasyarakatan bersama BNPT dan pemerintah {P} menggelar lokakarya pembinaan narapidana terorisme di {CITY}, {DAY}.",
        ],
        sentences: &[
            "Lokakarya diikuti {NN} petugas lembaga pemasyarakatan dengan tingkat pengamanan tinggi.",
            "Peserta mempelajari asesmen risiko, manajemen kasus, dan pencegahan radikalisasi di dalam penjara.",
            "Para ahli dari {P} memaparkan program rehabilitasi yang diterapkan di negaranya.",
            "Saat ini terdapat ratusan narapidana terorisme yang tersebar di berbagai lapas di Indonesia.",
        ],
        quotes: PARTNER_QUOTES,
    },
];

/// Sentences naming a second partner country `{P2}` (which then counts as a partner).
pub(crate) const SECOND_PARTNER: &[&str] = &[
    "Selain dengan {P}, BNPT juga tengah menjajaki {KS} serupa dengan {P2}.",
    "Program yang sama sebelumnya telah dijalankan bersama {P2} dengan hasil yang {ADJ}.",
    "Ke depan, Indonesia juga berencana menggelar pertemuan trilateral dengan {P} dan {P2}.",
];

/// Sentences of a bilateral meeting on the sidelines of a multilateral forum.
pub(crate) const SIDELINES: &[&str] = &[
    "Di sela pertemuan, delegasi Indonesia juga menggelar pertemuan bilateral dengan delegasi {P} untuk membahas {KS} pelatihan aparat.",
    "Pada kesempatan yang sama, Kepala BNPT bertemu dengan {PO} dari {P} dan menyepakati pertukaran kunjungan pejabat.",
];

/// Sentences of dense stories (`GenerateOptions::dense`): countries, organisations and dates
/// in nearly every sentence, as in long cooperation reports; used for extraction benchmarks.
/// Organisations named here are context of the story, not its counterpart.
pub(crate) const DENSE: &[&str] = &[
    "Pertemuan pada {DAY} itu melanjutkan kesepakatan Indonesia dan {P} yang ditandatangani pada {N} {PM} {PY} di {PC}.",
    "Delegasi {P} dipimpin {PO}, sementara delegasi Indonesia dipimpin {N2} bersama perwakilan Kementerian Luar Negeri, Polri, dan PPATK.",
    "Kedua negara juga membahas laporan UNODC dan INTERPOL tentang jalur pendanaan yang melintasi {X} sejak {PY}.",
    "Menurut data Bank Dunia dan ASEAN, arus pekerja migran dari {X} meningkat setiap tahun sejak {N} {PM} {PY}.",
    "Dalam forum GCTF di {VENUE} pada {WD}, {N0} menyampaikan pengalaman Indonesia menangani deportan dari {X} dan {X2}.",
    "Program ini didukung Uni Eropa, UNDP, dan Kedutaan Besar {P} di Jakarta hingga {PM} {NY}.",
    "Sebelumnya, pada {N} {PM} {PY}, Indonesia dan {P} menggelar latihan bersama yang diamati pengamat dari PBB dan FATF.",
    "Data BNPT per {N} {PM} {Y} mencatat {NN} warga negara Indonesia pernah berada di {X}, sebagian dipulangkan melalui {X2}.",
    "{N4} menegaskan bahwa kerja sama dengan {P} sejalan dengan Resolusi Dewan Keamanan PBB dan rekomendasi FATF tahun {PY}.",
    "Sidang APG di {VENUE} pada {DAY} menilai kemajuan Indonesia, {P}, dan negara anggota ASEAN lainnya.",
    "Menteri dari {P} menyebut kunjungan ke Jakarta pada {WD}, {N} {PM} {Y}, sebagai tonggak baru hubungan kedua negara.",
    "Serangan di {X} pada {PM} {PY} menjadi latar belakang pembahasan, kata {S2} dalam keterangan tertulis, {DAY}.",
    "Pelatihan penyidik di Jakarta Centre for Law Enforcement Cooperation (JCLEC) Semarang pada {PM} {Y} melibatkan instruktur dari {P} dan Europol.",
    "Laporan Global Terrorism Index {PY} menempatkan {X} di atas Indonesia, sementara {P} berada di urutan yang lebih rendah.",
    "Nota kesepahaman BNPT dengan {P} yang berlaku sejak {N} {PM} {PY} diperpanjang hingga {NY}, disaksikan perwakilan UNOCT.",
    "Menlu {P} dan Menlu RI bertemu di sela Sidang Umum PBB di New York pada {PM} {PY} dan kembali di {PC} pada {DAY}.",
];
