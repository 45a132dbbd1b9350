package htmlreport_test

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/ibkit/ibkit/examples/internal/htmlreport"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

func ExampleWrite() {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	b := lifecycletest.Inventory(now)
	b.Group("web", "1.0.0", 3, lifecycletest.Days(10), lifecycletest.Days(30))
	inv := b.Build()
	idx, _ := inv.Index()
	policy := lifecycletest.AMIPolicy("web-cleanup").Recipe("web", "1.x.x").
		Rule(lifecycletest.Deprecate().Age(30, lifecycle.Days).IncludeAMIs(),
			lifecycletest.Delete().Age(60, lifecycle.Days).RetainAtLeast(1).IncludeAMIs().IncludeSnapshots()).
		Build()

	tl, err := plan.Forecast(&policy, idx, now, 90, plan.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var page bytes.Buffer
	if err := htmlreport.Write(&page, htmlreport.Report{Policy: &policy, Inventory: inv, Timeline: tl}); err != nil {
		fmt.Println(err)
		return
	}
	html := page.String()
	fmt.Println("lanes:", strings.Count(html, `<rect class="hit"`))
	fmt.Println("names the recipe version:", strings.Contains(html, "<b>web 1.0.0</b>"))
	fmt.Println("scripts:", strings.Count(html, "<script"))
	start := strings.Index(html, "<title>web/1.0.0/2")
	fmt.Println(html[start+len("<title>") : strings.Index(html[start:], "</title>")+start])
	// Output:
	// lanes: 3
	// names the recipe version: true
	// scripts: 0
	// web/1.0.0/2
	// AVAILABLE, created 2025-01-20
	// 2025-03-01 DEPRECATE (rule 0): older than 30 DAYS; 1 AMI
	// 2025-03-22 DELETE (rule 1): older than 60 DAYS, beyond the newest image retained per recipe version; 1 AMI, 1 snapshot
	// Decisions: L-3, L-P6
}
