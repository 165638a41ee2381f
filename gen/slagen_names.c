/* slagen_names.c: services, ticket titles, companies and notes the generator picks from. */
#include "slagen_names.h"

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

static const char *const t_email[] = {
	"Outlook does not sync the shared mailbox vertrieb-nord",
	"Mails to a customer domain bounce with 550",
	"Postfach voll – bitte Kontingent erhöhen",
	"Calendar invitations arrive twice",
	"Distribution list sales-south is missing new colleagues",
	"Out-of-office reply cannot be switched off",
};
static const char *const t_crm[] = {
	"CRM opportunity view loads for minutes",
	"Cannot export the pipeline report to Excel",
	"Angebotsvorlage im CRM zeigt alte Preise",
	"Duplicate accounts after the trade-fair import",
	"CRM login fails with an SSO error",
	"Forecast numbers differ between CRM and dashboard",
	"Kundenhistorie für „Müller & Söhne“ ist leer",
};
static const char *const t_erp[] = {
	"Order entry blocked: credit check times out",
	"Lieferstatus wird nicht aktualisiert",
	"Price list 2026 not visible for inside sales",
	"Invoice PDF is missing the VAT line",
	"Auftragsbestätigung enthält falsche Lieferadresse",
};
static const char *const t_vpn[] = {
	"VPN drops every ten minutes in the hotel",
	"VPN-Zugang für neuen Außendienstmitarbeiter",
	"Cannot reach the file share over VPN",
	"VPN-Token verloren – bitte sperren und ersetzen",
};
static const char *const t_laptop[] = {
	"Laptop does not boot after the update",
	"Docking station: external monitors flicker",
	"Neuer Laptop für den Außendienst in Köln",
	"Battery swollen – replacement needed",
	"Tastatur defekt: Taste „ü“ klemmt",
	"Laptop very slow since Monday",
};
static const char *const t_phone[] = {
	"Softphone has no audio in the headset",
	"Rufumleitung für die Vertriebshotline einrichten",
	"Mobile phone contract upgrade for area manager",
	"Hotline queue drops callers after 30 seconds",
	"Diensthandy gestohlen – SIM sperren",
};
static const char *const t_printer[] = {
	"Drucker im 3. OG druckt nur leere Seiten",
	"Scan to e-mail does not work",
	"Toner order for the Hamburg office",
	"Etikettendrucker im Showroom druckt Umlaute falsch (ä → Ã¤)",
};
static const char *const t_wifi[] = {
	"Wi-Fi in meeting room Alster keeps disconnecting",
	"Guest Wi-Fi vouchers do not print",
	"WLAN im Showroom München sehr langsam",
};
static const char *const t_accounts[] = {
	"Password reset for sales trainee",
	"Zugriff auf Laufwerk S:\\Vertrieb\\Angebote verweigert",
	"New employee account, starts on Monday",
	"MFA device change after new phone",
	"Berechtigung für Preisfreigaben im ERP",
};
static const char *const t_webshop[] = {
	"B2B shop shows wrong stock levels",
	"Checkout fails for customer group Großhandel",
	"Product images missing in the shop",
	"Shop-Preise für Österreich ohne Mehrwertsteuer",
};

const struct service it_services[] = {
	{"email", 14, AG_SYS, t_email, N(t_email)},
	{"crm", 16, AG_APP, t_crm, N(t_crm)},
	{"erp", 10, AG_APP, t_erp, N(t_erp)},
	{"vpn", 8, AG_NET, t_vpn, N(t_vpn)},
	{"laptop", 15, AG_SYS, t_laptop, N(t_laptop)},
	{"telephony", 8, AG_NET, t_phone, N(t_phone)},
	{"printer", 7, AG_SYS, t_printer, N(t_printer)},
	{"wifi", 6, AG_NET, t_wifi, N(t_wifi)},
	{"accounts", 11, AG_SYS, t_accounts, N(t_accounts)},
	{"webshop", 5, AG_APP, t_webshop, N(t_webshop)},
};
const int n_it_services = N(it_services);

const char *const crm_outage_titles[] = {
	"CRM down – cannot open any account",
	"CRM nicht erreichbar (Fehler 503)",
	"CRM outage: quotes cannot be saved",
	"CRM hängt beim Speichern von Angeboten",
};
const int n_crm_outage_titles = N(crm_outage_titles);

static const char *const t_heat[] = {
	"Heizung im Besprechungsraum „Elbe“ bleibt kalt",
	"Heizkörper im Büro 2.14 tropft",
	"Klimaanlage im Showroom Köln kühlt nicht",
	"Lüftung im Schulungsraum sehr laut",
};
static const char *const t_elec[] = {
	"Leuchte im Flur 3. OG flackert",
	"Steckdosenleiste am Arbeitsplatz 4.07 ohne Strom",
	"Showroom-Beleuchtung fällt abends aus",
	"Stromausfall im Musterlager",
};
static const char *const t_door[] = {
	"Tür zum Musterlager klemmt",
	"Zutrittskarte für neue Kollegin freischalten",
	"Schlüssel für Büro 3.14 nachbestellen",
	"Eingangstür Hamburg schließt nicht mehr",
	"Aufzug bleibt zwischen 1. und 2. OG stehen",
};
static const char *const t_clean[] = {
	"Reinigung nach dem Kundenevent am Freitag",
	"Teppich im Showroom verschmutzt",
	"Teeküche 2. OG: Spülmaschine läuft aus",
};
static const char *const t_move[] = {
	"Umzug von drei Arbeitsplätzen ins 4. OG",
	"Rollcontainer fehlt an Arbeitsplatz 2.07",
	"Höhenverstellbarer Schreibtisch für Außendienst-Büro",
	"Whiteboard im Raum „Spree“ aufhängen",
};
static const char *const t_park[] = {
	"Parkkarte für neuen Kollegen",
	"Ladesäule auf Stellplatz 12 defekt",
	"Beschilderung Kundenparkplätze erneuern",
};

const struct service fac_services[] = {
	{"haustechnik", 30, 0, t_heat, N(t_heat)},
	{"elektro", 18, 0, t_elec, N(t_elec)},
	{"zutritt", 20, 0, t_door, N(t_door)},
	{"reinigung", 10, 0, t_clean, N(t_clean)},
	{"umzug", 14, 0, t_move, N(t_move)},
	{"parken", 8, 0, t_park, N(t_park)},
};
const int n_fac_services = N(fac_services);

const char *const lead_companies[] = {
	"Bäckerei Müller GmbH", "Hansa Logistik AG", "Kühne Feinkost KG", "Alpenblick Hotels",
	"Nordsee Fisch & Co.", "Schäfer Bürobedarf", "Elbe Werkzeugbau GmbH",
	"Rheinland Getränke", "Ostsee Möbelhaus", "Fränkische Weinkellerei",
	"Café Zuckerhut", "Brandt & Söhne OHG", "Stadtwerke Lüneburg", "Praxis Dr. Özdemir",
	"Gasthof Zur Post", "Weißbräu Haidhausen", "Jäger Immobilien", "Lindner Kanzlei",
	"Hotel Seeblick Konstanz", "Mensa-Verbund Göttingen", "Autohaus Krüger",
	"Studio Grün Architekten", "Tischlerei Vogt", "Kita-Träger Sonnenschein e. V.",
};
const int n_lead_companies = N(lead_companies);

const char *const lead_interests[] = {
	"Kaffeevollautomaten", "office furniture", "Lagerregale", "cleaning supplies",
	"Gastro-Spülmaschinen", "Büromaterial-Rahmenvertrag", "break-room vending",
	"Konferenztechnik",
};
const int n_lead_interests = N(lead_interests);

const char *const lead_sources[] = {"website", "webinar", "trade-fair", "partner"};
const int lead_source_w[] = {45, 20, 25, 10};

const char *const us_companies[] = {
	"Hudson Valley Hardware", "Brooklyn Roasters", "Lakeside Dental Group",
	"Empire Office Supply", "Garden State Diners", "Harbor Point Hotels",
	"Catskill Coffee Co.", "Liberty Logistics", "Queens Family Clinics",
	"Adirondack Outfitters", "Metro Coworking", "Jersey Shore Bakeries",
	"Long Island Medical Offices", "Finger Lakes Wineries", "Bronx Community College",
};
const int n_us_companies = N(us_companies);

const char *const it_notes[] = {
	"Called the requester, waiting for a call back.",
	"Rückruf vereinbart für morgen 10 Uhr.",
	"Remote session: issue reproduced.",
	"Known error KE-112, workaround sent.",
	"Nutzerin informiert, Ersatzgerät liegt bereit.",
	"Vendor case opened, reference VND-48213.",
};
const int n_it_notes = N(it_notes);

const char *const lead_notes[] = {
	"Left a voicemail, will try again tomorrow.",
	"Termin für Vor-Ort-Besuch vereinbart.",
	"Contact asked for a quote by e-mail.",
};
const int n_lead_notes = N(lead_notes);

const char *const fac_notes[] = {
	"Fremdfirma beauftragt, Termin folgt.",
	"Ersatzteil bestellt, Lieferung in zwei Tagen.",
	"Vor Ort geprüft – Fotos im Auftrag.",
};
const int n_fac_notes = N(fac_notes);
