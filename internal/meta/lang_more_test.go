package meta

import (
	"slices"
	"testing"
)

// Texts written for these tests: one news-like sentence or two a language.
var moreLanguages = []struct{ want, text string }{
	{"sw", "Serikali imesema kwamba mradi huo utaanza mwaka ujao, na wakazi wa eneo hilo wameambiwa kuwa watapata maji safi kila siku."},
	{"sw", "Rais alisema kwamba watu wote wa nchi hii wana haki ya kupata elimu bora, lakini bado kuna kazi kubwa ya kufanya katika vijiji."},
	{"et", "Valitsus teatas esmaspäeval, et plaani ei muudeta, kuid need, keda see puudutab, saavad abi taotleda juba sel aastal."},
	{"et", "Linnavalitsus otsustas, et uus sild ehitatakse üle jõe ning töö peab olema valmis enne, kui talv tuleb."},
	{"fi", "Hallitus ilmoitti maanantaina, että suunnitelmaa ei muuteta, mutta ne, joita se koskee, voivat hakea apua jo tänä vuonna."},
	{"lt", "Vyriausybė pirmadienį pranešė, kad plano nekeis, tačiau tie, kuriuos tai paveikė, galės kreiptis pagalbos dar šiais metais."},
	{"lt", "Miesto taryba nusprendė, kad naujas tiltas per upę bus pastatytas iki žiemos, nes senasis yra labai prastos būklės."},
	{"lv", "Valdība pirmdien paziņoja, ka plānu nemainīs, bet tie, kurus tas skāris, varēs lūgt palīdzību jau šogad."},
	{"lv", "Pilsētas dome nolēma, ka jaunais tilts pār upi tiks uzbūvēts līdz ziemai, jo vecais ir ļoti sliktā stāvoklī."},
	{"sl", "Vlada je v ponedeljek sporočila, da načrta ne bo spremenila, vendar pa lahko tisti, ki so bili prizadeti, že letos zaprosijo za pomoč."},
	{"hr", "Vlada je u ponedjeljak objavila da neće mijenjati plan, ali oni koji su pogođeni moći će zatražiti pomoć još ove godine."},
	{"is", "Ríkisstjórnin sagði á mánudag að hún myndi ekki breyta áætluninni en þeir sem hafa orðið fyrir áhrifum geta sótt um aðstoð."},
	{"da", "Regeringen sagde mandag, at den ikke vil ændre planen, men at de berørte kan søge om hjælp allerede i år."},
	{"af", "Die regering het Maandag gesê dat hulle nie die plan sal verander nie, maar dat die mense wat geraak is vir hulp kan aansoek doen."},
	{"nl", "De regering zei maandag dat het plan niet wordt veranderd, maar dat de mensen die zijn getroffen hulp kunnen vragen."},
	{"sq", "Qeveria tha të hënën se nuk do ta ndryshojë planin, por ata që janë prekur mund të kërkojnë ndihmë për këtë vit."},
	{"tl", "Sinabi ng pamahalaan noong Lunes na hindi nito babaguhin ang plano, ngunit ang mga naapektuhan ay maaaring humingi ng tulong."},
	{"eu", "Gobernuak astelehenean esan zuen ez duela plana aldatuko, baina kaltetuek laguntza eska dezaketela aurten bertan ere."},
	{"cy", "Dywedodd y llywodraeth ddydd Llun na fydd yn newid y cynllun, ond bod y rhai sydd wedi eu heffeithio yn gallu gofyn am gymorth."},
	{"ga", "Dúirt an rialtas Dé Luain nach n-athrófar an plean, ach go bhfuil na daoine a bhí thíos leis in ann cabhair a lorg freisin."},
	{"sr", "Влада је у понедељак саопштила да неће мењати план, али да ће они који су погођени моћи да затраже помоћ још ове године."},
	{"mk", "Владата во понеделникот соопшти дека нема да го менува планот, но дека оние што се погодени ќе можат да побараат помош оваа година."},
	{"be", "Урад у панядзелак заявіў, што не будзе мяняць план, але тыя, хто пацярпеў, змогуць звярнуцца па дапамогу ўжо ў гэтым годзе."},
	{"kk", "Үкімет дүйсенбі күні жоспарды өзгертпейтінін мәлімдеді, бірақ зардап шеккендер биыл көмек сұрай алады."},
	{"bg", "Правителството заяви в понеделник, че няма да променя плана, но засегнатите ще могат да поискат помощ още тази година."},
	{"bn", "সরকার সোমবার জানিয়েছে যে তারা পরিকল্পনা পরিবর্তন করবে না এবং ক্ষতিগ্রস্তরা সাহায্যের জন্য আবেদন করতে পারবেন।"},
	{"ta", "திட்டத்தை மாற்றப் போவதில்லை என்றும் பாதிக்கப்பட்டவர்கள் உதவி கோரலாம் என்றும் அரசு திங்களன்று தெரிவித்தது."},
	{"ka", "მთავრობამ ორშაბათს განაცხადა, რომ გეგმას არ შეცვლის, თუმცა დაზარალებულებს დახმარების თხოვნა შეეძლებათ."},
	{"hy", "Կառավարությունը երկուշաբթի հայտարարեց, որ չի փոխի ծրագիրը, սակայն տուժածները կկարողանան օգնություն խնդրել։"},
	{"ur", "حکومت نے پیر کے روز کہا کہ وہ منصوبہ تبدیل نہیں کرے گی اور متاثرہ لوگ مدد کے لیے درخواست دے سکتے ہیں۔"},
	{"fa", "دولت روز دوشنبه اعلام کرد که برنامه را تغییر نمی\u200cدهد و آسیب\u200cدیدگان می\u200cتوانند برای کمک درخواست کنند."},
	{"am", "መንግሥት ሰኞ ዕለት ዕቅዱን እንደማይቀይር አስታውቋል፤ ጉዳት የደረሰባቸው ሰዎች እርዳታ መጠየቅ ይችላሉ።"},
}

func TestDetectMoreLanguages(t *testing.T) {
	for _, tt := range moreLanguages {
		t.Run(tt.want, func(t *testing.T) {
			if got := DetectLanguage(tt.text); got != tt.want {
				t.Errorf("DetectLanguage(%.50q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// Pairs a detector confuses easily: each text must come out as its own
// language, never as the other of its pair.
func TestDetectLanguageNotConfused(t *testing.T) {
	tests := []struct{ want, not, text string }{
		{"et", "fi", "Ta ütles, et see oli väga raske aasta, kuid nüüd on kõik jälle hästi ja töö läheb edasi."},
		{"fi", "et", "Hän sanoi, että se oli hyvin vaikea vuosi, mutta nyt kaikki on taas hyvin ja työ jatkuu."},
		{"lt", "lv", "Jis sakė, kad tai buvo labai sunkūs metai, bet dabar viskas vėl gerai ir darbas tęsiasi."},
		{"lv", "lt", "Viņš teica, ka tas bija ļoti grūts gads, bet tagad viss atkal ir labi un darbs turpinās."},
		{"sl", "hr", "Rekel je, da je bilo to zelo težko leto, vendar je zdaj spet vse v redu in delo se nadaljuje."},
		{"hr", "sl", "Rekao je da je to bila vrlo teška godina, ali da je sada sve ponovno u redu i da se posao nastavlja."},
		{"af", "nl", "Hy het gesê dat dit 'n baie moeilike jaar was, maar nou is alles weer reg en die werk gaan voort."},
		{"nl", "af", "Hij zei dat het een heel moeilijk jaar was, maar dat nu alles weer goed is en het werk doorgaat."},
		{"is", "da", "Hann sagði að þetta hefði verið mjög erfitt ár en nú væri allt í lagi aftur og vinnan héldi áfram."},
		{"da", "nb", "Han sagde, at det havde været et meget svært år, men at alt nu er godt igen, og at arbejdet fortsætter."},
		{"sw", "id", "Alisema kwamba ulikuwa mwaka mgumu sana, lakini sasa kila kitu kiko sawa tena na kazi inaendelea."},
		{"id", "sw", "Dia mengatakan bahwa itu adalah tahun yang sangat sulit, tetapi sekarang semuanya baik lagi dan pekerjaan berlanjut."},
		{"sq", "it", "Ai tha se ishte një vit shumë i vështirë, por tani gjithçka është përsëri mirë dhe puna vazhdon."},
		{"it", "sq", "Ha detto che è stato un anno molto difficile, ma che ora tutto va di nuovo bene e il lavoro continua."},
		{"sr", "ru", "Рекао је да је то била веома тешка година, али да је сада све поново у реду и да се посао наставља."},
		{"ru", "bg", "Он сказал, что это был очень трудный год, но теперь всё снова в порядке и работа продолжается."},
		{"bg", "ru", "Той каза, че това е била много трудна година, но сега всичко отново е наред и работата продължава."},
		{"ur", "fa", "انہوں نے کہا کہ یہ بہت مشکل سال تھا لیکن اب سب کچھ دوبارہ ٹھیک ہے اور کام جاری ہے۔"},
		{"ar", "fa", "وقال إن هذا العام كان صعبا جدا، لكن كل شيء أصبح الآن على ما يرام والعمل مستمر."},
		{"az", "tr", "O dedi ki, bu çox çətin bir il idi, amma indi hər şey yenə qaydasındadır və iş davam edir."},
		{"tr", "az", "Bunun çok zor bir yıl olduğunu, ama şimdi her şeyin yeniden yolunda olduğunu ve işin devam ettiğini söyledi."},
	}
	for _, tt := range tests {
		t.Run(tt.want+"-not-"+tt.not, func(t *testing.T) {
			got := DetectLanguage(tt.text)
			if got == tt.not {
				t.Fatalf("DetectLanguage(%.50q) = %q, confused with %q", tt.text, got, tt.not)
			}
			if got != tt.want {
				t.Errorf("DetectLanguage(%.50q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// Short or ambiguous texts give "" rather than a wrong guess.
func TestDetectLanguageUnsure(t *testing.T) {
	for _, text := range []string{
		"Houston trails: 9.4 mi, 12.6 mi, 6.5 mi, 26.0 mi, 6.1 mi, 9.3 mi, 4.7 mi, 0.7 mi, 1.9 mi",
		"Tallinn Riga Vilnius Helsinki",
		"Nairobi, Mombasa, Kisumu",
		"OK", "Login", "Home | News | Sport | Weather",
		"iPhone 15 Pro Max 256GB — $1,199.00",
		// Languages written in Cyrillic the detector does not know, with
		// letters of ones it knows: Mongolian (ө, ү), Uzbek (ў, қ, ҳ).
		"Засгийн газар даваа гарагт төлөвлөгөөгөө өөрчлөхгүй гэдгээ мэдэгдсэн боловч хохирсон хүмүүс тусламж хүсч болно.",
		"Ҳукумат душанба куни режани ўзгартирмаслигини, аммо зарар кўрганлар ёрдам сўраши мумкинлигини маълум қилди.",
	} {
		if got := DetectLanguage(text); got != "" {
			t.Errorf("DetectLanguage(%q) = %q, want \"\"", text, got)
		}
	}
}

func TestConfidentLanguage(t *testing.T) {
	long := "The council said on Monday that the new bridge over the river would be built before the winter, because the old one is in a very bad state. " +
		"It added that the work would cost more than it had planned, but that the people who live on both sides of the river have waited for it for many years. " +
		"The money will come from the city and from the state, and the road will be closed while the work is done."
	if l, sure := ConfidentLanguage(long); l != "en" || !sure {
		t.Errorf("ConfidentLanguage(long English) = %q, %v; want en, true", l, sure)
	}
	short := "The council said on Monday that the new bridge would be built."
	if l, sure := ConfidentLanguage(short); l != "en" || sure {
		t.Errorf("ConfidentLanguage(short English) = %q, %v; want en, false", l, sure)
	}
}

func TestDecideLanguage(t *testing.T) {
	en := "The council said on Monday that the new bridge over the river would be built before the winter, because the old one is in a very bad state. " +
		"It added that the work would cost more than it had planned, but that the people who live on both sides of the river have waited for it for many years. " +
		"The money will come from the city and from the state, and the road will be closed while the work is done."
	de := "Der Stadtrat hat am Montag erklärt, dass die neue Brücke über den Fluss noch vor dem Winter gebaut wird, weil die alte in einem sehr schlechten Zustand ist. " +
		"Die Arbeiten werden mehr kosten als geplant, aber die Menschen, die auf beiden Seiten des Flusses wohnen, haben viele Jahre darauf gewartet. " +
		"Das Geld kommt von der Stadt und vom Land, und die Straße wird während der Arbeiten gesperrt sein."
	da := "Byrådet sagde mandag, at den nye bro over floden vil blive bygget før vinteren, fordi den gamle er i en meget dårlig stand. " +
		"Det tilføjede, at arbejdet vil koste mere end planlagt, men at de mennesker, der bor på begge sider af floden, har ventet på den i mange år. " +
		"Pengene kommer fra byen og fra staten, og vejen vil være lukket, mens arbejdet står på."
	tests := []struct {
		name, lang, declared, text string
		want, wantDeclared         string
	}{
		{"declared agrees", "en", "en", en, "en", ""},
		{"text overrules a wrong declaration", "de", "de", en, "en", "de"},
		{"and the other way", "en", "en", de, "de", "en"},
		{"short text keeps the declaration", "de", "de", "The council said on Monday that the bridge would be built.", "de", ""},
		{"no text keeps the declaration", "fr", "fr", "", "fr", ""},
		{"a language the detector does not know stands", "gl", "gl", en, "gl", ""},
		{"close languages do not overrule", "nb", "nb", da, "nb", ""},
		{"nothing declared: the head's guess", "en", "", de, "en", ""},
		{"nothing at all: the text's guess", "", "", de, "de", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, d := DecideLanguage(tt.lang, tt.declared, tt.text)
			if l != tt.want || d != tt.wantDeclared {
				t.Errorf("DecideLanguage(%q, %q, …) = %q, %q; want %q, %q", tt.lang, tt.declared, l, d, tt.want, tt.wantDeclared)
			}
		})
	}
}

func TestLanguages(t *testing.T) {
	langs := Languages()
	if !slices.IsSorted(langs) {
		t.Errorf("Languages() not sorted: %v", langs)
	}
	for _, l := range []string{"en", "de", "sw", "et", "lt", "lv", "sl", "is", "ja", "zh", "ko", "bn", "ur", "sr", "kk"} {
		if !KnownLanguage(l) || !slices.Contains(langs, l) {
			t.Errorf("%q missing from Languages()", l)
		}
	}
	for _, l := range []string{"", "xx", "gl", "EN", "en-US"} {
		if KnownLanguage(l) {
			t.Errorf("KnownLanguage(%q) = true", l)
		}
	}
	for _, tt := range append(moreLanguages, struct{ want, text string }{"en", ""}) {
		if !KnownLanguage(tt.want) {
			t.Errorf("test language %q not in Languages()", tt.want)
		}
	}
}
