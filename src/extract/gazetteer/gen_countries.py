#!/usr/bin/env python3
"""Generates countries.rs (the country table of the gazetteer).

Sources:
- ISO 3166-1 codes and English names: Debian package `iso-codes`
  (/usr/share/iso-codes/json/iso_3166-1.json, LGPL-2.1+): alpha_2, alpha_3, name, common_name,
  official_name.
- UN M49 regions: typed below from the UN Statistics Division's M49 "Standard country or area
  codes for statistical use". Sub-Saharan Africa and Latin America are split into their M49
  *intermediate* regions (eastern-africa, caribbean, south-america, ...) so that drill-down is
  useful; Taiwan is placed in eastern-asia; Antarctica gets region `antarctica`.
- Indonesian names and aliases: typed below by the telusur authors, after the forms used by the
  Indonesian foreign ministry (Kemlu) and in Indonesian news.

Run: python3 src/extract/gazetteer/gen_countries.py > src/extract/gazetteer/countries.rs
"""
import json
import sys

M49 = {
    ("africa", "northern-africa"): "DZ EG LY MA SD TN EH",
    ("africa", "eastern-africa"): "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW",
    ("africa", "middle-africa"): "AO CM CF TD CG CD GQ GA ST",
    ("africa", "southern-africa"): "BW SZ LS NA ZA",
    ("africa", "western-africa"): "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    ("americas", "caribbean"): "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    ("americas", "central-america"): "BZ CR SV GT HN MX NI PA",
    ("americas", "south-america"): "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE",
    ("americas", "northern-america"): "BM CA GL PM US",
    ("antarctica", "antarctica"): "AQ",
    ("asia", "central-asia"): "KZ KG TJ TM UZ",
    ("asia", "eastern-asia"): "CN HK MO KP JP MN KR TW",
    ("asia", "south-eastern-asia"): "BN KH ID LA MY MM PH SG TH TL VN",
    ("asia", "southern-asia"): "AF BD BT IN IR MV NP PK LK",
    ("asia", "western-asia"): "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
    ("europe", "eastern-europe"): "BY BG CZ HU PL MD RO RU SK UA",
    ("europe", "northern-europe"): "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB",
    ("europe", "southern-europe"): "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES",
    ("europe", "western-europe"): "AT BE FR DE LI LU MC NL CH",
    ("oceania", "australia-and-new-zealand"): "AU CX CC HM NZ NF",
    ("oceania", "melanesia"): "FJ NC PG SB VU",
    ("oceania", "micronesia"): "GU KI MH FM NR MP PW UM",
    ("oceania", "polynesia"): "AS CK PF NU PN WS TK TO TV WF",
}

# CODE: Indonesian name | more aliases (Indonesian and English, short forms, abbreviations).
# Uppercase-only aliases (AS, RRT, UK ...) are matched in text only in exactly that case.
ID = """
AW:Aruba
AF:Afganistan|Afghanistan
AO:Angola
AI:Anguilla
AX:Kepulauan Aland|Aland
AL:Albania
AD:Andorra
AE:Uni Emirat Arab|UEA|UAE|Emirat Arab|United Arab Emirates
AR:Argentina
AM:Armenia
AS:Samoa Amerika|American Samoa
AQ:Antarktika|Antartika|Antarctica
TF:Wilayah Selatan Prancis
AG:Antigua dan Barbuda|Antigua and Barbuda
AU:Australia
AT:Austria
AZ:Azerbaijan
BI:Burundi
BE:Belgia|Belgium
BJ:Benin
BQ:Belanda Karibia|Bonaire
BF:Burkina Faso
BD:Bangladesh
BG:Bulgaria
BH:Bahrain
BS:Bahama|Bahamas
BA:Bosnia dan Herzegovina|Bosnia-Herzegovina|Bosnia Herzegovina|Bosnia
BL:Saint Barthélemy|Saint Barthelemy
BY:Belarus|Belarusia
BZ:Belize
BM:Bermuda
BO:Bolivia
BR:Brasil|Brazil
BB:Barbados
BN:Brunei Darussalam|Brunei
BT:Bhutan
BV:Pulau Bouvet
BW:Botswana
CF:Republik Afrika Tengah|Central African Republic
CA:Kanada|Canada
CC:Kepulauan Cocos|Kepulauan Cocos (Keeling)
CH:Swiss|Swis|Switzerland|Konfederasi Swiss
CL:Chili|Chile
CN:Tiongkok|China|Cina|RRT|RRC|Republik Rakyat Tiongkok|Republik Rakyat China|Republik Rakyat Cina|People's Republic of China|PRC|Tiongkok Daratan
CI:Pantai Gading|Ivory Coast|Cote d'Ivoire
CM:Kamerun|Cameroon
CD:Republik Demokratik Kongo|RD Kongo|Kongo|Democratic Republic of the Congo|DR Congo|DRC
CG:Republik Kongo|Kongo-Brazzaville|Republic of the Congo
CK:Kepulauan Cook|Cook Islands
CO:Kolombia|Colombia
KM:Komoro|Comoros
CV:Tanjung Verde|Cape Verde|Cabo Verde
CR:Kosta Rika|Costa Rica
CU:Kuba|Cuba
CW:Curaçao|Curacao
CX:Pulau Christmas|Christmas Island
KY:Kepulauan Cayman|Cayman Islands
CY:Siprus|Cyprus
CZ:Ceko|Republik Ceko|Cheko|Czech Republic|Czechia
DE:Jerman|Germany|Republik Federal Jerman|RFJ|Jerman Barat|Jerman Timur
DJ:Djibouti|Jibuti
DM:Dominika|Dominica
DK:Denmark|Denmark
DO:Republik Dominika|Dominican Republic
DZ:Aljazair|Algeria
EC:Ekuador|Ecuador
EG:Mesir|Egypt
ER:Eritrea
EH:Sahara Barat|Western Sahara
ES:Spanyol|Spain
EE:Estonia
ET:Etiopia|Ethiopia|Ethiopia
FI:Finlandia|Finland
FJ:Fiji
FK:Kepulauan Falkland|Falkland Islands|Malvinas
FR:Prancis|Perancis|France
FO:Kepulauan Faroe|Faroe Islands
FM:Mikronesia|Federasi Mikronesia|Micronesia
GA:Gabon
GB:Inggris|Britania Raya|Inggris Raya|Kerajaan Inggris|Kerajaan Bersatu|United Kingdom|UK|Britain|Great Britain|British|Skotlandia|Scotland|Irlandia Utara|Northern Ireland
GE:Georgia
GG:Guernsey
GH:Ghana
GI:Gibraltar
GN:Guinea
GP:Guadeloupe
GM:Gambia
GW:Guinea-Bissau|Guinea Bissau
GQ:Guinea Khatulistiwa|Equatorial Guinea
GR:Yunani|Greece
GD:Grenada
GL:Greenland
GT:Guatemala
GF:Guyana Prancis|French Guiana
GU:Guam
GY:Guyana
HK:Hong Kong|Hongkong
HM:Pulau Heard dan Kepulauan McDonald
HN:Honduras
HR:Kroasia|Croatia
HT:Haiti
HU:Hungaria|Hungary
ID:Indonesia|RI|Republik Indonesia|NKRI
IM:Pulau Man|Isle of Man
IN:India
IO:Wilayah Samudra Hindia Britania|British Indian Ocean Territory
IE:Irlandia|Ireland|Republik Irlandia
IR:Iran|Republik Islam Iran
IQ:Irak|Iraq
IS:Islandia|Iceland
IL:Israel
IT:Italia|Italy
JM:Jamaika|Jamaica
JE:Jersey
JO:Yordania|Yordan|Jordan|Jordania
JP:Jepang|Japan
KZ:Kazakhstan|Kazakstan
KE:Kenya
KG:Kirgizstan|Kirgistan|Kyrgyzstan
KH:Kamboja|Cambodia
KI:Kiribati
KN:Saint Kitts dan Nevis|Saint Kitts and Nevis
KR:Korea Selatan|Korsel|Korea|Republik Korea|South Korea|Republic of Korea
KW:Kuwait
LA:Laos|Republik Demokratik Rakyat Laos
LB:Lebanon|Libanon
LR:Liberia
LY:Libya|Libia
LC:Saint Lucia
LI:Liechtenstein
LK:Sri Lanka|Srilanka
LS:Lesotho
LT:Lituania|Lithuania
LU:Luksemburg|Luxembourg
LV:Latvia
MO:Makau|Macau|Macao
MF:Saint Martin
MA:Maroko|Morocco
MC:Monako|Monaco
MD:Moldova
MG:Madagaskar|Madagascar
MV:Maladewa|Maldives
MX:Meksiko|Mexico
MH:Kepulauan Marshall|Marshall Islands
MK:Makedonia Utara|Makedonia|North Macedonia|Macedonia
ML:Mali
MT:Malta
MM:Myanmar|Burma|Birma
ME:Montenegro
MN:Mongolia
MP:Kepulauan Mariana Utara|Northern Mariana Islands
MZ:Mozambik|Mozambique
MR:Mauritania
MS:Montserrat
MQ:Martinik|Martinique
MU:Mauritius
MW:Malawi
MY:Malaysia|Negeri Jiran
YT:Mayotte
NA:Namibia
NC:Kaledonia Baru|New Caledonia
NE:Niger
NF:Pulau Norfolk|Norfolk Island
NG:Nigeria
NI:Nikaragua|Nicaragua
NU:Niue
NL:Belanda|Negeri Belanda|Kerajaan Belanda|Netherlands|Holland
NO:Norwegia|Norway
NP:Nepal
NR:Nauru
NZ:Selandia Baru|New Zealand
OM:Oman
PK:Pakistan
PA:Panama
PN:Kepulauan Pitcairn|Pitcairn
PE:Peru
PH:Filipina|Philipina|Pilipina|Philippines|Philippine
PW:Palau
PG:Papua Nugini|Papua New Guinea|PNG|Papuanugini
PL:Polandia|Poland
PR:Puerto Riko|Puerto Rico
KP:Korea Utara|Korut|North Korea|DPRK|Republik Rakyat Demokratik Korea
PT:Portugal
PY:Paraguay|Paraguai
PS:Palestina|Palestine|Negara Palestina
PF:Polinesia Prancis|French Polynesia
QA:Qatar|Katar
RE:Réunion|Reunion
RO:Rumania|Romania
RU:Rusia|Federasi Rusia|Russia|Russian Federation
RW:Rwanda|Ruanda
SA:Arab Saudi|Saudi Arabia|Saudi|Kerajaan Arab Saudi
SD:Sudan
SN:Senegal
SG:Singapura|Singapore
GS:Georgia Selatan dan Kepulauan Sandwich Selatan
SH:Saint Helena
SJ:Svalbard dan Jan Mayen
SB:Kepulauan Solomon|Solomon Islands
SL:Sierra Leone
SV:El Salvador
SM:San Marino
SO:Somalia
PM:Saint Pierre dan Miquelon
RS:Serbia
SS:Sudan Selatan|South Sudan
ST:Sao Tome dan Principe|Sao Tome and Principe
SR:Suriname
SK:Slowakia|Slovakia
SI:Slovenia
SE:Swedia|Sweden
SZ:Eswatini|Swaziland
SX:Sint Maarten
SC:Seychelles
SY:Suriah|Syria|Syiria|Siria
TC:Kepulauan Turks dan Caicos
TD:Chad|Cad
TG:Togo
TH:Thailand|Muangthai
TJ:Tajikistan
TK:Tokelau
TM:Turkmenistan
TL:Timor Leste|Timor-Leste|East Timor|Republik Demokratik Timor Leste|RDTL
TO:Tonga
TT:Trinidad dan Tobago|Trinidad and Tobago
TN:Tunisia
TR:Turki|Turkey|Türkiye|Turkiye
TV:Tuvalu
TW:Taiwan
TZ:Tanzania
UG:Uganda
UA:Ukraina|Ukraine
UM:Kepulauan Terluar Kecil Amerika Serikat
UY:Uruguay
US:Amerika Serikat|AS|Amerika|USA|US|United States|United States of America|Paman Sam
UZ:Uzbekistan
VA:Vatikan|Takhta Suci|Holy See|Vatican
VC:Saint Vincent dan Grenadine|Saint Vincent and the Grenadines
VE:Venezuela
VG:Kepulauan Virgin Britania Raya|British Virgin Islands
VI:Kepulauan Virgin Amerika Serikat|United States Virgin Islands
VN:Vietnam|Viet Nam
VU:Vanuatu
WF:Wallis dan Futuna|Wallis and Futuna
WS:Samoa
YE:Yaman|Yemen
ZA:Afrika Selatan|Afsel|South Africa
ZM:Zambia
ZW:Zimbabwe
"""

# Display English names where iso-codes' form reads badly in a list.
EN_OVERRIDE = {
    "CD": "DR Congo", "FM": "Micronesia", "PS": "Palestine", "VA": "Vatican City",
    "FK": "Falkland Islands", "BQ": "Caribbean Netherlands", "MF": "Saint Martin",
    "SX": "Sint Maarten", "VG": "British Virgin Islands", "VI": "US Virgin Islands",
    "SH": "Saint Helena", "CC": "Cocos Islands", "RU": "Russia", "TR": "Turkey",
    "IR": "Iran", "SY": "Syria", "BN": "Brunei",
}


def rs(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    data = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    region_of = {}
    for (reg, sub), codes in M49.items():
        for c in codes.split():
            assert c not in region_of, c
            region_of[c] = (reg, sub)
    names = {}
    for line in ID.strip().splitlines():
        code, rest = line.split(":", 1)
        names[code] = rest.split("|")
    out = []
    w = out.append
    w("//! GENERATED by `gen_countries.py` in this folder: do not edit by hand.")
    w("//!")
    w("//! ISO 3166-1 codes and English names from Debian's `iso-codes` (LGPL-2.1+); UN M49 regions")
    w("//! (with the intermediate regions of Africa and the Americas); Indonesian names and aliases")
    w("//! typed by the telusur authors. See the generator's docstring.")
    w("")
    w("use super::Country;")
    w("")
    w("/// Every ISO 3166-1 country, sorted by code.")
    w("pub(super) const COUNTRIES: &[Country] = &[")
    for c in sorted(data, key=lambda c: c["alpha_2"]):
        a2 = c["alpha_2"]
        reg, sub = region_of[a2]
        idn = names[a2]
        en = EN_OVERRIDE.get(a2, c.get("common_name", c["name"]))
        aliases = []
        for a in idn[1:] + [c["name"], c.get("common_name", ""), c.get("official_name", ""), en]:
            if a and a not in aliases and a != idn[0] and a != en and "," not in a:
                aliases.append(a)
        w("    Country {")
        w(f"        code: {rs(a2)},")
        w(f"        alpha3: {rs(c['alpha_3'])},")
        w(f"        name_id: {rs(idn[0])},")
        w(f"        name_en: {rs(en)},")
        w(f"        region: {rs(reg)},")
        w(f"        subregion: {rs(sub)},")
        w(f"        aliases: &[{', '.join(rs(a) for a in aliases)}],")
        w("    },")
    w("];")
    missing = set(region_of) ^ {c["alpha_2"] for c in data}
    assert not missing, missing
    assert set(names) == set(region_of), set(names) ^ set(region_of)
    sys.stdout.write("\n".join(out) + "\n")


main()
