package meta

import (
	"strings"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		want, text string
	}{
		{"en", "The government said on Monday that it would not change the plan, and that the people who were affected could apply for help."},
		{"de", "Die Regierung hat am Montag erklärt, dass sie den Plan nicht ändern wird und dass die Betroffenen Hilfe beantragen können."},
		{"fr", "Le gouvernement a déclaré lundi qu'il ne changerait pas le plan et que les personnes concernées pourraient demander de l'aide."},
		{"es", "El gobierno dijo el lunes que no cambiaría el plan y que las personas afectadas podrían pedir ayuda para sus familias."},
		{"it", "Il governo ha detto lunedì che non cambierà il piano e che le persone colpite potranno chiedere aiuto alla regione."},
		{"pt", "O governo disse na segunda-feira que não vai mudar o plano e que as pessoas afetadas podem pedir ajuda ao estado."},
		{"nl", "De regering zei maandag dat het plan niet wordt veranderd en dat de mensen die zijn getroffen hulp kunnen vragen."},
		{"sv", "Regeringen sa på måndagen att den inte kommer att ändra planen och att de som drabbats kan söka hjälp."},
		{"pl", "Rząd poinformował w poniedziałek, że nie zmieni planu i że osoby, które zostały poszkodowane, mogą prosić o pomoc."},
		{"tr", "Hükümet pazartesi günü planı değiştirmeyeceğini ve etkilenen kişilerin yardım için başvurabileceğini söyledi, bu çok önemli bir karar olarak görülüyor."},
		{"id", "Pemerintah mengatakan pada hari Senin bahwa mereka tidak akan mengubah rencana itu dan orang yang terdampak bisa meminta bantuan."},
		{"ru", "Правительство заявило в понедельник, что не будет менять план и что пострадавшие смогут обратиться за помощью."},
		{"uk", "Уряд заявив у понеділок, що не змінюватиме план і що постраждалі зможуть звернутися по допомогу."},
		{"ja", "政府は月曜日、計画を変更しないと発表し、被害を受けた人々は支援を申請できるとした。"},
		{"zh", "政府星期一表示不会改变计划，受影响的人可以申请援助。"},
		{"ko", "정부는 월요일 계획을 바꾸지 않을 것이며 피해를 입은 사람들은 도움을 신청할 수 있다고 밝혔다."},
		{"el", "Η κυβέρνηση δήλωσε τη Δευτέρα ότι δεν θα αλλάξει το σχέδιο και ότι οι πληγέντες μπορούν να ζητήσουν βοήθεια."},
		{"he", "הממשלה הודיעה ביום שני כי לא תשנה את התוכנית וכי הנפגעים יוכלו לבקש עזרה."},
		{"ar", "قالت الحكومة يوم الاثنين إنها لن تغير الخطة وإن المتضررين يمكنهم طلب المساعدة."},
		{"th", "รัฐบาลกล่าวเมื่อวันจันทร์ว่าจะไม่เปลี่ยนแผนและผู้ได้รับผลกระทบสามารถขอความช่วยเหลือได้"},
		{"hi", "सरकार ने सोमवार को कहा कि वह योजना नहीं बदलेगी और प्रभावित लोग मदद के लिए आवेदन कर सकते हैं।"},
		{"", "Hi"},
		{"", "12345 67890 !!!"},
		{"", "Xqzv blorp fnord gleep wibble"},
	}
	for _, tt := range tests {
		name := tt.want
		if name == "" {
			name = "unsure"
		}
		t.Run(name, func(t *testing.T) {
			if got := DetectLanguage(tt.text); got != tt.want {
				t.Errorf("DetectLanguage(%.40q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestDetectLanguageLongInput(t *testing.T) {
	// A long text is cut on a rune boundary and still detected.
	text := strings.Repeat("Правительство заявило, что не будет менять план и что это было бы ошибкой. ", 200)
	if got := DetectLanguage(text); got != "ru" {
		t.Errorf("DetectLanguage(long Russian) = %q, want ru", got)
	}
}

func TestLanguageListsLoad(t *testing.T) {
	langs := map[langID]bool{}
	for _, fw := range frequentWords {
		for _, l := range fw.langs {
			langs[l.lang] = true
		}
	}
	if len(langs) < 20 {
		t.Errorf("frequent-word lists cover %d languages, want at least 20", len(langs))
	}
	if monthNames["november"] != 11 || monthNames["noviembre"] != 11 || monthNames["ноября"] != 11 {
		t.Errorf("month table is missing November in English, Spanish or Russian")
	}
}
