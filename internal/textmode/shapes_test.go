package textmode

import (
	"strings"
	"testing"
)

// TestPageShapes checks page shapes the AEB pages have few of: a short
// brief followed by a box of headlines with one-line summaries, paragraphs
// split by ad slots (the first may stand as the standfirst), and a Chinese page with its share bar and reprint
// notice under the body.
func TestPageShapes(t *testing.T) {
	tests := []struct {
		name      string
		page      string
		want      []string // substrings of the body
		forbidden []string // substrings that must not be in the body
	}{
		{
			name: "brief then teaser box",
			page: "Home\nNews\nSport\nDriver hurt as car overturns near the crossroads\n" +
				"A 47-year-old man was taken to hospital with minor injuries after his car left the road and overturned near the crossroads early on Wednesday. Police said no other vehicle was involved. The road was closed for three hours.\n" +
				"Latest news\n" +
				"Primary school extension approved despite objections\nPlans for four new classrooms at the school were approved by the planning committee on Tuesday night despite objections from neighbours about traffic at the school gates.\n" +
				"Farmers warn of late harvest after wet summer\nMany growers in the county say they are weeks behind, with some fields still too wet to work and the barley crop at risk of rotting.\n" +
				"Bus route to be cut back from November\nThe operator says falling passenger numbers mean the evening services no longer pay their way and the route must be shortened to the town centre.\n" +
				"About us\nPrivacy\n",
			want:      []string{"taken to hospital"},
			forbidden: []string{"classrooms", "growers", "passenger numbers"},
		},
		{
			name: "paragraphs split by ad slots",
			page: "Home\nNews\nThree weekends of buses as the bridge is rebuilt\n" +
				"Rail passengers face three weekends of bus replacement services in October while engineers replace a 120-year-old bridge over the river.\n" +
				"ADVERTISEMENT\nContinue reading below\n" +
				"Passenger groups criticised the timing, which falls during the autumn half-term for some schools in the county.\n" +
				"ADVERTISEMENT\nContinue reading below\n" +
				"The bridge, built in 1903, has been under a speed restriction since a routine inspection found corrosion in two girders.\n" +
				"ADVERTISEMENT\nContinue reading below\n" +
				"Once the work is finished, trains will be able to cross at the line's normal speed, cutting four minutes from the journey.\n" +
				"About us\nPrivacy\n",
			want: []string{"Rail passengers", "Passenger groups", "built in 1903", "Once the work"},
		},
		{
			name: "Chinese share bar and reprint notice",
			page: "首页\n时政\n本地\n青溪至南湖城际公交末班车延至晚上十点半\n" +
				"记者从青溪市交通运输局获悉，青溪至南湖的城际公交线路将于下月起延长运营时间，末班车由晚上八点推迟至十点半，以方便在两地之间通勤的上班族。\n" +
				"据介绍，该线路目前日均客流量约为六千人次，其中早晚高峰时段占一半以上。今年以来，不少乘客通过市民热线反映，晚间加班后无车可乘。\n" +
				"分享到：微信 微博 QQ空间\n" +
				"【版权声明】凡本网注明“来源：青溪日报”的所有作品，版权均属青溪日报社所有，未经授权不得转载。\n" +
				"相关新闻\n我市新增五条公交线路\n",
			want:      []string{"记者从", "据介绍"},
			forbidden: []string{"分享到", "版权声明"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := Extract([]byte(tt.page), Options{})
			var body strings.Builder
			body.WriteString(a.Subtitle + "\n")
			for _, bl := range a.Blocks {
				body.WriteString(bl.Text + "\n")
			}
			got := body.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("body lacks %q:\n%s", w, got)
				}
			}
			for _, f := range tt.forbidden {
				if strings.Contains(got, f) {
					t.Errorf("body holds %q:\n%s", f, got)
				}
			}
		})
	}
}
