package inventory

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/ibkit/ibkit/lifecycle"
)

// agreeSeeds are documents on which the streaming decoder and the
// reflective one it replaced must agree: accepted ones and every kind of
// error.
var agreeSeeds = []string{
	`[]`, ``, ` `, `{"images":[]}`, `{"amis":[],"launchPermissions":[]}`, `{`, `{}`, `{} x`, `{"Reservations":[]}`, `{"images":[],"images":[]}`,
	`{"images":[{"arn":"a"},{"state":{"status":7}}]}`, `{"imageSummaryList":[{"dateCreated":{}}]}`,
	`{"Images":[{"ImageId":"ami-1","Public":"yes"}]}`, `{"Images":[{"ImageId":"ami-1","Tags":{"a":"b"}}]}`,
	`{"image":[1]}`, `{"image":null}`, `{"images":null,"amis":[null]}`, `{"LaunchPermissions":[]}`, `{"ImageId":null}`,
	`{"images":[{"arn":`, `{"Images":[{"imageid":5}]}`, `{"images":[{"ARN":"a"}]}`,
	`{"images":[{"tags":{"Pin":"yes"},"tags":{}}]}`, `{"Images":[{"Foo":1,"Foo":2}]}`,
	`{"images":[{"tags":{"Pin":"yes","Pin":"no"}}]}`, `{"images":[{"tags":{"a b":1}}]}`, `{"images":[{"tags":{"a":null}}]}`,
	"{\"images\":[{\"name\":\"w\xffb\"}]}", "\xff\xfe{\x00}\x00", "{\x00}\x00", "\xef\xbb\xbf{\"Images\":[{\"Public\":1}]}",
	`{"images":[{"a\u0072n":"x","\u0061rn":"y"}]}`, `{"images":[{"x\"y":1,"x\"y":2}]}`,
	`{"Images":[{"m1":0,"m2":0,"m3":0,"m4":0,"m5":0,"m6":0,"m7":0,"m8":0,"m9":0,"m10":0,"m3":1}]}`,
	`{"Images":[{"m1":0,"m2":0,"m3":0,"m4":0,"m5":0,"m6":0,"m7":0,"m8":{"m1":1,"m1":2},"m9":0,"m1":1}]}`,
	`{"Images":[{"Extra":{"a":[1,{"b":[true,false,null]}],"a":2},"ImageId":"ami-1"}]}`,
	`{"Images":[{"Extra":{"a":[1,{"b":[true,fals]}]}}]}`, `{"Images":[{"Extra":[1,2,`, `{"Images":[{"Extra":{"a"`,
	`{"ResponseMetadata":{"x":[1,2,{"y":"z"}]},"requestId":"r","nextToken":null}`, `{"requestId":[1,}`,
	`{"Images":[{"BlockDeviceMappings":[{"Ebs":{"SnapshotId":"snap-1","VolumeSize":8},"DeviceName":"/dev/xvda"}],"Ebs":1}]}`,
	`{"Images":[{"BlockDeviceMappings":[{"Ebs":"x"}]}]}`, `{"Images":[{"BlockDeviceMappings":[{"ebs":{}}]}]}`,
	`{"images":[{"dateCreated":1700000000,"deprecationTime":1.5e9,"dateCompleted":true}]}`,
	`{"images":[{"outputResources":{"amis":[{"state":{"status":"AVAILABLE","Status":1}}],"containers":[{"imageUris":["a",null,1]}]}}]}`,
	`{"images":[{"imageRecipe":{"arn":"a","name":"n","version":"1.0.0","components":[]},"containerRecipe":null}]}`,
	`{"launchPermissions":[{"ImageId":"ami-1","LaunchPermissions":[{"Group":"all","userId":"1"}]}]}`,
	`{"images":[{"K":1}]}`, "{\"images\":[{\"\u212arn\":1}]}", `{"images":[{"ſtate":1}]}`,
	`{"images":[{"arn":"a"}]}` + strings.Repeat(" ", 10) + `{}`, `{"images":[1 2]}`, `{"images":[{"arn" "a"}]}`,
	`{"Images":[{"Deep":` + strings.Repeat(`[`, 70) + strings.Repeat(`]`, 70) + `}]}`,
	`{"Images":[{"Deep":` + strings.Repeat(`{"a":`, 70) + `1` + strings.Repeat(`}`, 70) + `}]}`,
	`{"requestId":` + strings.Repeat(`[`, 70) + `}`, `{"images":[{"arn":"\ud800"}]}`, `{"images":[{"arn":"\x"}]}`,
	`{"images":[{"arn":-0.5e}]}`, `{"images":[{"arn":tru}]}`, `{"images":[{"arn":nul}]}`, `{"images":[{,}]}`, `{"images":[,]}`,
	`{"images":{}}`, `{"images":[{"tags":{"a":"1","b":"2"}},{"tags":{"b":"2","a":"1"}},{"tags":{"a":"1"}},{"tags":{}},{"tags":{}},{"tags":{"a":"2"}}]}`,
	`{"images":[{"tags":{"t1":"","t2":"","t3":"","t4":"","t5":"","t6":"","t7":"","t8":"","t9":"","t10":"","t2":"x"}}]}`,
	`{"images":[{"tags":{"t1":"","t2":"","t3":"","t4":"","t5":"","t6":"","t7":"","t8":"","t1":"x"}}]}`, `{"ImageId":"ami-1","LaunchPermissions":[{"UserId":"1"}],"launchPermissions":[{}]}`,
}

// invalidChar matches the quoted character of a syntax error's message.
var invalidChar = regexp.MustCompile(`invalid character '[^']*'`)

// FuzzDecodeAgrees checks that Decode and DecodeReader (fed a byte at a
// time) give what the reflective decoder gave: the same records, or the
// same error, message, path and offset.
func FuzzDecodeAgrees(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "inventory", "*.json"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range agreeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want, wantErr := referenceDecode(data)
		got, gotErr := Decode(data)
		compareDecoded(t, "Decode", want, wantErr, got, gotErr)
		got, gotErr = DecodeReader(bytes.NewReader(data))
		var we, ge *lifecycle.Error
		if errors.As(wantErr, &we) && errors.As(gotErr, &ge) && we.Code == "invalid-json" {
			// A character of several bytes that a read of the stream
			// cuts is quoted by the bytes read so far.
			ge.Reason = invalidChar.ReplaceAllString(ge.Reason, "invalid character")
			we.Reason = invalidChar.ReplaceAllString(we.Reason, "invalid character")
		}
		compareDecoded(t, "DecodeReader", want, wantErr, got, gotErr)
		// Read a byte at a time, the messages of syntax errors quote
		// less of the input; the rest is the same.
		got, gotErr = DecodeReader(iotest.OneByteReader(bytes.NewReader(data)))
		if errors.As(wantErr, &we) && errors.As(gotErr, &ge) && we.Code == "invalid-json" {
			ge.Reason = we.Reason
		}
		compareDecoded(t, "DecodeReader, a byte at a time", want, wantErr, got, gotErr)
	})
}

func compareDecoded(t *testing.T, what string, want *Inventory, wantErr error, got *Inventory, gotErr error) {
	t.Helper()
	if (wantErr == nil) != (gotErr == nil) {
		t.Fatalf("%s: error %v, want %v", what, gotErr, wantErr)
	}
	if wantErr != nil {
		var we, ge *lifecycle.Error
		if !errors.As(wantErr, &we) || !errors.As(gotErr, &ge) {
			t.Fatalf("%s: error %v (%T), want %v (%T)", what, gotErr, gotErr, wantErr, wantErr)
		}
		if diff := cmp.Diff(*we, *ge, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
			t.Fatalf("%s: error (-want +got):\n%s", what, diff)
		}
		return
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(Inventory{})); diff != "" {
		t.Fatalf("%s: records (-want +got):\n%s", what, diff)
	}
}

func TestDecodeAgreesOnSeeds(t *testing.T) {
	for _, s := range agreeSeeds {
		want, wantErr := referenceDecode([]byte(s))
		got, gotErr := Decode([]byte(s))
		t.Run(s[:min(len(s), 40)], func(t *testing.T) {
			compareDecoded(t, "Decode", want, wantErr, got, gotErr)
		})
	}
}

// TestDecodeReaderReadError checks that an error of the reader is
// returned as it is, not as a problem of the document.
func TestDecodeReaderReadError(t *testing.T) {
	boom := errors.New("disk gone")
	for _, r := range []io.Reader{
		iotest.ErrReader(boom),
		io.MultiReader(strings.NewReader(`{"images": [{"arn": "a"},`), iotest.ErrReader(boom)),
	} {
		_, err := DecodeReader(r)
		if err != boom {
			t.Errorf("err = %v, want %v", err, boom)
		}
		var de *lifecycle.Error
		if errors.As(err, &de) {
			t.Errorf("a read error became %v", de)
		}
	}
}
